/// A fused linear layer: `Y = f(X · W + b)` in one sgemm and one pass (bias and activation
/// together). The same result as `x.matmul(w).addingBias(b).activated(f)` with two fewer
/// passes over memory and two fewer buffers.
/// Pullback: `dZ = dY ⊙ f'(Y)` and `db = Σ_rows dZ` in one pass, then `dW = Xᵀ · dZ` and
/// `dX = dZ · Wᵀ` (each sgemm only when that input needs a gradient).
extension Variable {
    /// `activation(self · weight + bias)` for `self: [rows, in]`, `weight: [in, out]`, `bias: [out]`.
    public func linear(weight: Variable, bias: Variable?, activation: Activation = .identity) -> Variable {
        tape.linear(self, weight, bias, activation)
    }
}

extension Tape {
    func linear(_ x: Variable, _ w: Variable, _ b: Variable?, _ f: Activation) -> Variable {
        let xv = value(x), wv = value(w)
        precondition(xv.rank == 2 && wv.rank == 2 && xv.shape[1] == wv.shape[0],
                     "linear: input \(xv.shape) does not fit weight \(wv.shape) (needs [rows, \(wv.rank == 2 ? wv.shape[0] : -1)])")
        let rows = xv.shape[0], cols = wv.shape[1]
        let out = outputBuffer(rows: rows, columns: cols)
        Tensor.matmul(xv, wv, into: out)
        if let b {
            let bv = value(b)
            precondition(bv.count == cols, "linear: bias of shape \(bv.shape) for \(cols) outputs")
            Kernels.addBiasActivate(out.pointer, bias: bv.pointer, rows: rows, columns: cols, activation: f)
        } else {
            Tensor.activate(out, f, into: out)
        }
        return record(.linear(input: x.id, weight: w.id, bias: b?.id, f), value: out, x, w, b)
    }

    func linearPullback(_ id: Int, _ x: Int, _ w: Int, _ b: Int?, _ f: Activation) {
        let y = nodes[id].value, dY = gradientBuffer(id)
        let rows = y.shape[0], cols = y.shape[1]
        let dZ = scratchBuffer(id, like: y.shape)
        let biasTarget = b.flatMap { gradientTarget($0) }
        Kernels.activationBiasBackward(output: y.pointer, outputGradient: dY.pointer, preActivationGradient: dZ.pointer,
                                       biasGradient: biasTarget?.tensor.pointer, accumulateBias: biasTarget?.accumulate ?? false,
                                       rows: rows, columns: cols, activation: f)
        // dW = Xᵀ·dZ and dX = dZ·Wᵀ are independent: with work splitting on, the helper thread
        // computes dW while this thread computes dX (which the next pullback reads first).
        let weightProduct = gradientTarget(w).map {
            ParallelGEMM.Product(nodes[x].value, transposed: true, dZ, into: $0.tensor, beta: $0.accumulate ? 1 : 0)
        }
        let inputProduct = gradientTarget(x).map {
            ParallelGEMM.Product(dZ, transposed: false, nodes[w].value, transposed: true, into: $0.tensor, beta: $0.accumulate ? 1 : 0)
        }
        switch (inputProduct, weightProduct) {
        case let (input?, weight?) where !ParallelGEMM.wouldSplit(input) && !ParallelGEMM.wouldSplit(weight):
            ParallelGEMM.concurrently(input, weight)
        default:
            weightProduct?.compute()
            inputProduct?.compute()
        }
    }
}
