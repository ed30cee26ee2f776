/// Bias add, broadcast over rows. Forward: `Y[r, c] = X[r, c] + b[c]`.
/// Pullback: `dX = dY`, `db[c] = Σ_r dY[r, c]` (column sums).
extension Variable {
    /// Adds the bias row `bias` (`[cols]` or `[1, cols]`) to every row of this `[rows, cols]` matrix.
    public func addingBias(_ bias: Variable) -> Variable { tape.addBias(self, bias) }
}

extension Tape {
    func addBias(_ x: Variable, _ bias: Variable) -> Variable {
        let xv = value(x), bv = value(bias)
        precondition(xv.rank == 2 && bv.count == xv.shape[1],
                     "addingBias: a bias of shape \(bv.shape) does not fit the rows of \(xv.shape)")
        let out = outputBuffer(like: xv.shape)
        Kernels.addBias(xv.pointer, bias: bv.pointer, out.pointer, rows: xv.shape[0], columns: xv.shape[1])
        return record(.addBias(x.id, bias: bias.id), value: out, x, bias)
    }

    func addBiasPullback(_ id: Int, _ x: Int, _ b: Int) {
        let dY = gradientBuffer(id)
        if let t = gradientTarget(x) {
            Kernels.writeOrAccumulate(dY.pointer, scaledBy: 1, into: t.tensor.pointer, count: dY.count, accumulate: t.accumulate)
        }
        if let t = gradientTarget(b) {
            Kernels.columnSums(dY.pointer, rows: dY.shape[0], columns: dY.shape[1], into: t.tensor.pointer, accumulate: t.accumulate)
        }
    }
}
