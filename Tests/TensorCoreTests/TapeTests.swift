import Testing
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import TensorCore

@Suite struct TapeTests {
    @Test func backwardFillsParameterGradientsLikeTheChainRule() {
        // L = sum(relu(x·w)) with x = [[1, -2]], w = [[3], [1]]: x·w = 1 > 0, so dL/dw = xᵀ = [1, -2].
        let w = ParameterTensor(Tensor([3, 1], shape: [2, 1]), name: "w")
        let tape = Tape()
        let loss = tape.constant(Tensor([1, -2], shape: [1, 2])).matmul(tape.parameter(w)).relu().sum()
        #expect(loss.value.item == 1)
        loss.backward()
        #expect(w.hasGradient && w.grad.scalars == [1, -2])
    }

    @Test func backwardAccumulatesUntilZeroGrad() {
        let w = ParameterTensor(Tensor([2], shape: [1]))
        let tape = Tape()
        for _ in 0..<2 {
            tape.reset()
            tape.parameter(w).sum().backward()
        }
        #expect(w.grad.scalars == [2])
        w.zeroGrad()
        #expect(!w.hasGradient && w.gradient == nil)
        tape.reset()
        tape.parameter(w).sum().backward()
        #expect(w.grad.scalars == [1])
        w.zeroGrad(setToNone: false)
        #expect(w.hasGradient && w.grad.scalars == [0])
    }

    @Test func aSubstituteTakesTheGradientOnItsTape() {
        // Two tapes compute the same model on different rows: the substitute shares the value,
        // so the forward is the same, and its tape's backward fills only the substitute's gradient.
        let w = ParameterTensor(Tensor([3, 1], shape: [2, 1]), name: "w")
        let stand = ParameterTensor(w.value, name: "w")
        let own = Tape(), other = Tape()
        other.substitute(w, with: stand)
        let x = Tensor([1, -2, 2, 5], shape: [2, 2])
        own.constant(x.rows(0..<1)).matmul(own.parameter(w)).sum().backward()
        let y = other.constant(x.rows(1..<2)).matmul(other.parameter(w))
        #expect(y.value.scalars == [11])
        y.sum().backward()
        #expect(w.grad.scalars == [1, -2] && stand.grad.scalars == [2, 5])
        w.addGradient(of: stand, elements: 0..<1)
        w.addGradient(of: stand, elements: 1..<2)
        #expect(w.grad.scalars == [3, 3])
        // Into an absent gradient the sum copies, and the presence follows.
        w.zeroGrad()
        w.addGradient(of: stand, elements: 0..<2)
        #expect(!w.hasGradient)
        w.takeGradientPresence(of: stand)
        #expect(w.hasGradient && w.grad.scalars == [2, 5])
    }

    @Test(arguments: [Float.infinity, -.infinity, .nan, 3e38])
    func summingGradientsReportsWhetherEverySumIsFinite(bad: Float) {
        /// Two present gradients of 33 elements (two SIMD vectors and a tail), 1s and 2s.
        func gradients() -> (ParameterTensor, ParameterTensor) {
            let a = ParameterTensor(Tensor(zeros: [33])), b = ParameterTensor(Tensor(zeros: [33]))
            a.zeroGrad(setToNone: false); b.zeroGrad(setToNone: false)
            a.grad.fill(1); b.grad.fill(2)
            return (a, b)
        }
        let (a, b) = gradients()
        #expect(a.addGradient(of: b, elements: 0..<33) && a.grad.scalars == [Float](repeating: 3, count: 33))
        for place in [0, 17, 32] {  // the bad sum in a vector and in the tail
            let (a, b) = gradients()
            a.grad[flat: place] = bad
            b.grad[flat: place] = bad == 3e38 ? 3e38 : 0  // 3e38 + 3e38 overflows
            #expect(!a.addGradient(of: b, elements: 0..<33), "\(bad) at \(place)")
            #expect(a.grad[flat: (place + 1) % 33] == 3)
        }
    }

    @Test func constantsAndFrozenParametersGetNoGradient() {
        let frozen = ParameterTensor(Tensor([1, 2], shape: [2]), requiresGrad: false)
        let tape = Tape()
        let x = tape.constant(Tensor([3, 4], shape: [2]))
        let loss = (x * tape.parameter(frozen)).sum()
        loss.backward()
        #expect(x.grad == nil && !frozen.hasGradient)
    }

    @Test func intermediateGradientsAreReadable() {
        let tape = Tape()
        let a = tape.parameter(ParameterTensor(Tensor([1, 2, 3], shape: [3])))
        let h = a * a
        h.mean().backward()
        #expect(h.grad?.scalars == [1.0 / 3, 1.0 / 3, 1.0 / 3])
        #expect(a.grad?.scalars == [2.0 / 3, 4.0 / 3, 2])
    }

    @Test func theSameStepReusesEveryBuffer() {
        let w = ParameterTensor(randomTensor([8, 4], seed: 1)), b = ParameterTensor(Tensor(zeros: [4]))
        let x = randomTensor([16, 8], seed: 2)
        let tape = Tape()
        func step() -> [UnsafeMutablePointer<Float>] {
            tape.reset()
            let logits = tape.constant(x).linear(weight: tape.parameter(w), bias: tape.parameter(b), activation: .relu)
            let loss = logits.softmaxCrossEntropy(labels: Array(repeating: 1, count: 16))
            loss.backward()
            return [logits.value.pointer, loss.value.pointer, logits.grad!.pointer]
        }
        let first = step(), second = step()
        #expect(first == second)
        #expect(tape.count == 5)
    }

    @Test func aSmallerBatchReusesTheLargerBuffers() {
        let w = ParameterTensor(randomTensor([3, 2], seed: 3))
        let tape = Tape()
        let big = tape.constant(randomTensor([10, 3], seed: 4)).matmul(tape.parameter(w))
        let bigPointer = big.value.pointer
        tape.reset()
        let small = tape.constant(randomTensor([4, 3], seed: 5)).matmul(tape.parameter(w))
        #expect(small.value.pointer == bigPointer && small.shape == [4, 2])
    }

    @Test func fusedLinearEqualsTheSeparatePrimitives() {
        for f in Activation.allCases {
            let x = randomTensor([5, 3], seed: 6), w = randomTensor([3, 4], seed: 7), b = randomTensor([4], seed: 8)
            let seed = randomTensor([5, 4], seed: 9)
            var results: [[Float]] = []
            for fused in [true, false] {
                let pw = ParameterTensor(w.copy()), pb = ParameterTensor(b.copy()), px = ParameterTensor(x.copy())
                let tape = Tape()
                let (xv, wv, bv) = (tape.parameter(px), tape.parameter(pw), tape.parameter(pb))
                let y = fused ? xv.linear(weight: wv, bias: bv, activation: f) : xv.matmul(wv).addingBias(bv).activated(f)
                y.backward(seed: seed)
                results.append(y.value.scalars + px.grad.scalars + pw.grad.scalars + pb.grad.scalars)
            }
            #expect(maxDifference(results[0], results[1]) < 1e-5, "\(f)")
        }
    }
}

@Suite struct SoftmaxCrossEntropyTests {
    @Test func matchesTheTextbookFormulaOnModerateLogits() {
        let logits = Tensor([1, 2, 3, 0.5, -1, 2], shape: [2, 3])
        let tape = Tape()
        let loss = tape.constant(logits).softmaxCrossEntropy(labels: [2, 0])
        func ce(_ row: [Double], _ label: Int) -> Double { -log(exp(row[label]) / row.map { exp($0) }.reduce(0, +)) }
        let expected = (ce([1, 2, 3], 2) + ce([0.5, -1, 2], 0)) / 2
        #expect(abs(Double(loss.value.item) - expected) < 1e-6)
    }

    @Test func labelsOfAnyIntegerTypeGiveTheSameLoss() {
        let logits = randomTensor([3, 4], seed: 1)
        let tape = Tape()
        let fromInt = tape.constant(logits).softmaxCrossEntropy(labels: [3, 0, 2]).value.item
        let fromBytes = tape.constant(logits).softmaxCrossEntropy(labels: [UInt8(3), 0, 2]).value.item
        let int32: [Int32] = [3, 0, 2]
        let fromInt32 = int32.withUnsafeBufferPointer { tape.constant(logits).softmaxCrossEntropy(labels: $0).value.item }
        #expect(fromInt == fromBytes && fromInt == fromInt32)
    }

    @Test func hugeLogitsStayFiniteAndExact() {
        let p = ParameterTensor(Tensor([1000, 0, -1000, 5e4, 5e4 + 2, 5e4], shape: [2, 3]))
        let tape = Tape()
        let loss = tape.parameter(p).softmaxCrossEntropy(labels: [1, 1])
        loss.backward()
        // Row 0: the label's logit is 1000 below the max, so the loss is 1000; row 1: log(1 + 2e^-2).
        let expected = (1000 + log(1 + 2 * exp(-2.0))) / 2
        #expect(abs(Double(loss.value.item) - expected) < 1e-3)
        #expect(p.grad.scalars.allSatisfy { $0.isFinite })
        #expect(abs(p.grad[0, 0] - 0.5) < 1e-6 && abs(p.grad[0, 1] + 0.5) < 1e-6)
        // Each row of the gradient sums to zero: Σ (softmax - onehot) = 0.
        #expect(abs(p.grad[1, 0] + p.grad[1, 1] + p.grad[1, 2]) < 1e-6)
    }
}
