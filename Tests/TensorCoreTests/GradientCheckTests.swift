import Testing
import TensorCore

/// Every primitive's pullback against central finite differences (float32 forwards, the
/// difference and step in Double, ε = 1e-3).
@Suite struct GradientCheckTests {
    /// A named primitive: its inputs and the function of them that the check differentiates.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let inputs: @Sendable () -> [Tensor]
        let function: @Sendable (Tape, [Variable]) -> Variable
        var testDescription: String { name }
    }

    static let labels = [2, 0, 3]

    static let cases: [Case] = [
        Case(name: "matmul", inputs: { [randomTensor([3, 4], seed: 1), randomTensor([4, 2], seed: 2)] },
             function: { _, v in v[0].matmul(v[1]) }),
        Case(name: "matmul Aᵀ·B", inputs: { [randomTensor([4, 3], seed: 1), randomTensor([4, 2], seed: 2)] },
             function: { _, v in v[0].matmul(v[1], transposeSelf: true) }),
        Case(name: "matmul A·Bᵀ", inputs: { [randomTensor([3, 4], seed: 1), randomTensor([2, 4], seed: 2)] },
             function: { _, v in v[0].matmul(v[1], transposeOther: true) }),
        Case(name: "matmul Aᵀ·Bᵀ", inputs: { [randomTensor([4, 3], seed: 1), randomTensor([2, 4], seed: 2)] },
             function: { _, v in v[0].matmul(v[1], transposeSelf: true, transposeOther: true) }),
        Case(name: "add", inputs: { [randomTensor([3, 5], seed: 3), randomTensor([3, 5], seed: 4)] },
             function: { _, v in v[0] + v[1] }),
        Case(name: "subtract", inputs: { [randomTensor([3, 5], seed: 3), randomTensor([3, 5], seed: 4)] },
             function: { _, v in v[0] - v[1] }),
        Case(name: "multiply", inputs: { [randomTensor([3, 5], seed: 3), randomTensor([3, 5], seed: 4)] },
             function: { _, v in v[0] * v[1] }),
        Case(name: "an input used twice", inputs: { [randomTensor([2, 3], seed: 5)] },
             function: { _, v in v[0] * v[0] + v[0] }),
        Case(name: "one weight and bias shared by two fused layers", inputs: {
            [randomTensor([2, 3], seed: 18), randomTensor([3, 3], seed: 19), randomTensor([3], seed: 25)]
        }, function: { _, v in v[0].linear(weight: v[1], bias: v[2], activation: .tanh).linear(weight: v[1], bias: v[2]) }),
        Case(name: "bias add", inputs: { [randomTensor([4, 3], seed: 6), randomTensor([3], seed: 7)] },
             function: { _, v in v[0].addingBias(v[1]) }),
        Case(name: "relu", inputs: { [randomTensorAwayFromZero([3, 6], seed: 8)] },
             function: { _, v in v[0].relu() }),
        Case(name: "sigmoid", inputs: { [randomTensor([3, 6], seed: 8, scale: 2)] },
             function: { _, v in v[0].sigmoid() }),
        Case(name: "tanh", inputs: { [randomTensor([3, 6], seed: 8)] },
             function: { _, v in v[0].tanh() }),
        Case(name: "softmax cross-entropy", inputs: { [randomTensor([3, 4], seed: 9, scale: 2)] },
             function: { _, v in v[0].softmaxCrossEntropy(labels: labels) }),
        Case(name: "mean squared error", inputs: { [randomTensor([5, 1], seed: 10), randomTensor([5], seed: 11)] },
             function: { _, v in v[0].meanSquaredError(v[1]) }),
        Case(name: "halved mean squared error", inputs: { [randomTensor([5, 1], seed: 10), randomTensor([5], seed: 11)] },
             function: { _, v in v[0].meanSquaredError(v[1], halved: true) }),
        Case(name: "sum", inputs: { [randomTensor([3, 4], seed: 12)] }, function: { _, v in v[0].sum() }),
        Case(name: "mean", inputs: { [randomTensor([3, 4], seed: 12)] }, function: { _, v in v[0].mean() }),
        Case(name: "two-layer net to a loss", inputs: {
            [randomTensor([4, 5], seed: 13), randomTensor([5, 6], seed: 14, scale: 0.5), randomTensor([6], seed: 15),
             randomTensor([6, 3], seed: 16, scale: 0.5), randomTensor([3], seed: 17)]
        }, function: { _, v in
            v[0].matmul(v[1]).addingBias(v[2]).tanh().matmul(v[3]).addingBias(v[4]).softmaxCrossEntropy(labels: [0, 2, 1, 1])
        }),
    ] + Activation.allCases.flatMap { f in [
        Case(name: "fused linear \(f)", inputs: {
            [randomTensor([4, 3], seed: 20), randomTensor([3, 5], seed: 21), randomTensor([5], seed: 22)]
        }, function: { _, v in
            v[0].linear(weight: v[1], bias: v[2], activation: f)
        }),
        Case(name: "fused linear \(f) without bias", inputs: {
            [randomTensor([4, 3], seed: 23), randomTensor([3, 5], seed: 24)]
        }, function: { _, v in v[0].linear(weight: v[1], bias: nil, activation: f) }),
    ] }

    @Test(arguments: cases)
    func pullbackMatchesFiniteDifferences(_ c: Case) {
        let report = GradientCheck.check(inputs: c.inputs(), c.function)
        let bad = report.mismatches(relative: 1e-2, absolute: 1e-3)
        #expect(bad.isEmpty, "\(c.name): \(bad.prefix(3)) (max abs error \(report.maxAbsoluteError))")
    }

    @Test func aWrongPullbackIsCaught() {
        // The checker must be able to fail: compare d(sum x²)/dx = 2x against the gradient of sum(x).
        let x = randomTensor([6], seed: 30)
        let right = GradientCheck.check(inputs: [x]) { _, v in (v[0] * v[0]).sum() }
        let wrongAnalytic = GradientCheck.check(inputs: [x]) { _, v in v[0].sum() }.analytic
        let doctored = GradientCheck.Report(analytic: wrongAnalytic, numeric: right.numeric)
        #expect(right.mismatches(relative: 1e-2, absolute: 1e-3).isEmpty)
        #expect(!doctored.mismatches(relative: 1e-2, absolute: 1e-3).isEmpty)
    }
}
