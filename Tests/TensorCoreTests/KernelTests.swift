import Testing
import TensorCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Every kernel against a plain scalar formula, at lengths that leave a SIMD tail.
@Suite struct KernelTests {
    static let lengths = [1, 16, 37]

    @Test(arguments: lengths)
    func binaryKernels(n: Int) {
        let a = randomTensor([n], seed: 10), b = randomTensor([n], seed: 11)
        let out = Tensor(zeros: [n])
        Tensor.add(a, b, into: out)
        #expect(out.scalars == zip(a.scalars, b.scalars).map { $0 + $1 })
        Tensor.subtract(a, b, into: out)
        #expect(out.scalars == zip(a.scalars, b.scalars).map { $0 - $1 })
        Tensor.multiply(a, b, into: out)
        #expect(out.scalars == zip(a.scalars, b.scalars).map { $0 * $1 })
        Tensor.scale(a, by: -3, into: out)
        #expect(out.scalars == a.scalars.map { -3 * $0 })
        let y = b.copy()
        y.axpy(0.5, a)
        #expect(maxDifference(y.scalars, zip(a.scalars, b.scalars).map { $1 + 0.5 * $0 }) < 1e-6)
        let acc = b.copy()
        Kernels.multiplyAdd(a.pointer, b.pointer, into: acc.pointer, count: n, accumulate: true)
        #expect(maxDifference(acc.scalars, zip(a.scalars, b.scalars).map { $1 + $0 * $1 }) < 1e-6)
    }

    @Test(arguments: lengths)
    func activationsAndTheirBackwardForms(n: Int) {
        let x = randomTensor([n], seed: 12, scale: 3), dy = randomTensor([n], seed: 13)
        let y = Tensor(zeros: [n]), dx = Tensor(zeros: [n])
        let cases: [(Activation, (Float) -> Float, (Float) -> Float)] = [
            (.relu, { max($0, 0) }, { $0 > 0 ? 1 : 0 }),
            (.sigmoid, { 1 / (1 + expf(-$0)) }, { $0 * (1 - $0) }),
            (.tanh, { tanhf($0) }, { 1 - $0 * $0 }),
            (.identity, { $0 }, { _ in 1 }),
        ]
        for (f, forward, derivativeFromOutput) in cases {
            Tensor.activate(x, f, into: y)
            #expect(maxDifference(y.scalars, x.scalars.map(forward)) < 1e-6, "\(f)")
            Tensor.activationBackward(f, output: y, outputGradient: dy, into: dx)
            let expected = zip(y.scalars, dy.scalars).map { derivativeFromOutput($0) * $1 }
            #expect(maxDifference(dx.scalars, expected) < 1e-6, "\(f)")
            Tensor.activationBackward(f, output: y, outputGradient: dy, into: dx, accumulate: true)
            #expect(maxDifference(dx.scalars, expected.map { 2 * $0 }) < 1e-6, "\(f) accumulate")
        }
    }

    @Test func sigmoidStaysFiniteForHugeInputs() {
        let x = Tensor([-1000, -90, 0, 90, 1000], shape: [5])
        let y = Tensor(zeros: [5])
        Tensor.activate(x, .sigmoid, into: y)
        #expect(y.scalars.allSatisfy { $0.isFinite })
        #expect(y[flat: 0] == 0 && y[flat: 1] < 1e-30 && y[flat: 2] == 0.5 && y[flat: 3] == 1 && y[flat: 4] == 1)
    }

    @Test func biasBroadcastAndColumnSums() {
        let x = randomTensor([3, 19], seed: 14), bias = randomTensor([19], seed: 15)
        let out = Tensor(zeros: [3, 19])
        Tensor.addBias(x, bias, into: out)
        for r in 0..<3 { for c in 0..<19 { #expect(out[r, c] == x[r, c] + bias[flat: c]) } }
        let sums = x.columnSums()
        let expected = (0..<19).map { c in (0..<3).reduce(Float(0)) { $0 + x[$1, c] } }
        #expect(maxDifference(sums.scalars, expected) < 1e-6)
    }

    @Test(arguments: Activation.allCases)
    func fusedBiasActivationMatchesTheSeparateKernels(activation: Activation) {
        let z = randomTensor([4, 21], seed: 16, scale: 2), bias = randomTensor([21], seed: 17)
        let separate = Tensor(zeros: [4, 21])
        Tensor.addBias(z, bias, into: separate)
        Tensor.activate(separate, activation, into: separate)
        let fused = z.copy()
        Kernels.addBiasActivate(fused.pointer, bias: bias.pointer, rows: 4, columns: 21, activation: activation)
        #expect(maxDifference(fused.scalars, separate.scalars) < 1e-6)

        let dy = randomTensor([4, 21], seed: 18)
        let dz = Tensor(zeros: [4, 21]), db = Tensor(repeating: 1, shape: [21])
        Kernels.activationBiasBackward(output: fused.pointer, outputGradient: dy.pointer, preActivationGradient: dz.pointer,
                                       biasGradient: db.pointer, accumulateBias: true, rows: 4, columns: 21, activation: activation)
        let dzReference = Tensor(zeros: [4, 21])
        Tensor.activationBackward(activation, output: fused, outputGradient: dy, into: dzReference)
        #expect(maxDifference(dz.scalars, dzReference.scalars) < 1e-6)
        #expect(maxDifference(db.scalars, dzReference.columnSums().scalars.map { $0 + 1 }) < 1e-5)
    }

    @Test func reductionsAndArgmax() {
        let x = Tensor([1, 5, 2, 7, -1, 7, 0, 0, 0], shape: [3, 3])
        #expect(x.sum() == 21)
        #expect(x.mean() == Float(21) / 9)
        #expect(x.rowMax().scalars == [5, 7, 0])
        #expect(x.argmaxPerRow() == [1, 0, 0])
        let long = randomTensor([1000], seed: 19)
        let reference = long.scalars.reduce(0.0) { $0 + Double($1) }
        #expect(abs(Double(long.sum()) - reference) < 1e-3)
    }
}
