import Testing
import NN
import TensorCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

@Suite struct LossTests {
    @Test func classificationLossIsMeanSoftmaxCrossEntropyOfTheLogits() {
        let model = MLP(inputSize: 3, hiddenSizes: [4], outputSize: 3, seed: 1)
        let x = Tensor([0.5, -1, 2, 1, 0, -0.5], shape: [2, 3])
        let labels = [2, 0]
        let logits = model.forward(x)
        var expected = 0.0
        for r in 0..<2 {
            let row = (0..<3).map { Double(logits[r, $0]) }
            expected += log(row.map { exp($0) }.reduce(0, +)) - row[labels[r]]
        }
        let evaluation = model.evaluate(x: x, targets: .classes(labels))
        #expect(abs(Double(evaluation.loss) - expected / 2) < 1e-5)
        let predicted = logits.argmaxPerRow()
        #expect(evaluation.accuracy == Double(zip(predicted, labels).filter { $0 == $1 }.count) / 2)
    }

    @Test func regressionLossIsHalfTheMeanSquaredError() throws {
        let model = LinearRegression(inputSize: 2)
        try model.importWeights([[1, -2], [0.5]])
        let x = Tensor([1, 1, 2, 0, 0, 3], shape: [3, 2])
        let y = Tensor([0, 1, -4], shape: [3])
        // ŷ = x·w + b = [-0.5, 2.5, -5.5]; errors [-0.5, 1.5, -1.5]; mean of squares / 2 = (0.25 + 2.25 + 2.25) / 6.
        let loss = model.lossAndGradients(x: x, targets: .values(y))
        #expect(abs(loss - 4.75 / 6) < 1e-6)
        // d2l's gradient: dw = xᵀ(ŷ - y) / n, db = mean(ŷ - y).
        let w = model.parameters[0].grad.scalars, b = model.parameters[1].grad.scalars
        #expect(abs(w[0] - (-0.5 + 2 * 1.5) / 3) < 1e-6 && abs(w[1] - (-0.5 + 3 * -1.5) / 3) < 1e-6)
        #expect(abs(b[0] - (-0.5 + 1.5 - 1.5) / 3) < 1e-6)
    }

    @Test func lossGradientsMatchFiniteDifferencesOfTheModelLoss() {
        let model = MLP(inputSize: 4, hiddenSizes: [5, 3], outputSize: 3, activation: .tanh, seed: 2)
        var g = SeededGenerator(seed: 3)
        let x = Tensor((0..<24).map { _ in Float(g.normal()) }, shape: [6, 4])
        let targets = Targets.classes([0, 1, 2, 2, 1, 0])
        model.lossAndGradients(x: x, targets: targets)
        let analytic = model.parameters.map(\.grad.scalars)
        let eps: Float = 1e-3
        for (k, p) in model.parameters.enumerated() {
            for i in 0..<p.count {
                let saved = p.value.pointer[i]
                p.value.pointer[i] = saved + eps
                let up = Double(model.evaluate(x: x, targets: targets).loss)
                p.value.pointer[i] = saved - eps
                let down = Double(model.evaluate(x: x, targets: targets).loss)
                p.value.pointer[i] = saved
                let numeric = (up - down) / (Double(saved + eps) - Double(saved - eps))
                let a = Double(analytic[k][i])
                #expect(abs(a - numeric) <= 5e-4 + 1e-2 * max(abs(a), abs(numeric)), "\(p.name)[\(i)]: \(a) vs \(numeric)")
            }
        }
    }
}
