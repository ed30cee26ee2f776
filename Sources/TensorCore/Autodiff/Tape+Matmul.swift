/// Matrix product. Forward: `C = op(A) · op(B)`.
/// Pullback: `dop(A) = dC · op(B)ᵀ`, `dop(B) = op(A)ᵀ · dC`, with the transposes folded into
/// the sgemm flags and the result written straight into each input's gradient (beta 0 or 1).
extension Variable {
    /// `op(self) · op(other)` for matrices, where `op` transposes when the flag is set.
    public func matmul(_ other: Variable, transposeSelf: Bool = false, transposeOther: Bool = false) -> Variable {
        tape.matmul(self, other, transposeA: transposeSelf, transposeB: transposeOther)
    }
}

extension Tape {
    func matmul(_ a: Variable, _ b: Variable, transposeA: Bool, transposeB: Bool) -> Variable {
        let av = value(a), bv = value(b)
        precondition(av.rank == 2 && bv.rank == 2, "matmul: operands must be matrices, got \(av.shape) · \(bv.shape)")
        let m = transposeA ? av.shape[1] : av.shape[0]
        let n = transposeB ? bv.shape[0] : bv.shape[1]
        let out = outputBuffer(rows: m, columns: n)
        Tensor.matmul(av, transposed: transposeA, bv, transposed: transposeB, into: out)
        return record(.matmul(a.id, b.id, transposeA: transposeA, transposeB: transposeB), value: out, a, b)
    }

    func matmulPullback(_ id: Int, _ a: Int, _ b: Int, _ ta: Bool, _ tb: Bool) {
        let dC = gradientBuffer(id)
        let av = nodes[a].value, bv = nodes[b].value
        if let (dA, acc) = gradientTarget(a).map({ ($0.tensor, $0.accumulate) }) {
            let beta: Float = acc ? 1 : 0
            if ta { Tensor.matmul(bv, transposed: tb, dC, transposed: true, into: dA, beta: beta) }    // dA = op(B) · dCᵀ
            else { Tensor.matmul(dC, transposed: false, bv, transposed: !tb, into: dA, beta: beta) }   // dA = dC · op(B)ᵀ
        }
        if let (dB, acc) = gradientTarget(b).map({ ($0.tensor, $0.accumulate) }) {
            let beta: Float = acc ? 1 : 0
            if tb { Tensor.matmul(dC, transposed: true, av, transposed: ta, into: dB, beta: beta) }    // dB = dCᵀ · op(A)
            else { Tensor.matmul(av, transposed: !ta, dC, transposed: false, into: dB, beta: beta) }   // dB = op(A)ᵀ · dC
        }
    }
}
