import _CBLAS

/// Matrix products through OpenBLAS `cblas_sgemm` (row-major). Never a hand-written GEMM.
extension Tensor {
    /// `out = alpha · op(a) · op(b) + beta · out`, where `op(m)` is `mᵀ` when the matching
    /// `transpose` flag is set. `a`, `b` and `out` are `[rows, cols]` matrices; `out` must be
    /// `[m, n]` for `op(a): [m, k]` and `op(b): [k, n]`. `beta = 1` accumulates into `out`.
    public static func matmul(_ a: Tensor, transposed transposeA: Bool = false,
                              _ b: Tensor, transposed transposeB: Bool = false,
                              into out: Tensor, alpha: Float = 1, beta: Float = 0) {
        precondition(a.rank == 2 && b.rank == 2 && out.rank == 2,
                     "Tensor.matmul: operands must be matrices, got \(a.shape) · \(b.shape) into \(out.shape)")
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(k == kb, "Tensor.matmul: inner sizes differ: \(transposeA ? "\(a.shape)ᵀ" : "\(a.shape)") · \(transposeB ? "\(b.shape)ᵀ" : "\(b.shape)")")
        precondition(out.shape[0] == m && out.shape[1] == n,
                     "Tensor.matmul: output is \(out.shape), the product is [\(m), \(n)]")
        precondition(out.pointer != a.pointer && out.pointer != b.pointer,
                     "Tensor.matmul: the output must not share memory with an operand")
        Kernels.gemm(a.pointer, transposed: transposeA, b.pointer, transposed: transposeB, out.pointer,
                     m: m, n: n, k: k, lda: a.shape[1], ldb: b.shape[1], alpha: alpha, beta: beta)
    }

    /// `op(self) · op(other)` as a new tensor (allocates; use `matmul(_:_:into:)` in loops).
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        let m = transposeSelf ? shape[1] : shape[0]
        let n = transposeOther ? other.shape[0] : other.shape[1]
        let out = Tensor(zeros: [m, n])
        Tensor.matmul(self, transposed: transposeSelf, other, transposed: transposeOther, into: out)
        return out
    }
}

extension Kernels {
    /// Row-major `C[m×n] = alpha · op(A) · op(B) + beta · C` with leading dimensions of the
    /// stored (untransposed) matrices. An empty product scales C by beta.
    public static func gemm(_ a: UnsafePointer<Float>, transposed transposeA: Bool,
                            _ b: UnsafePointer<Float>, transposed transposeB: Bool,
                            _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int,
                            lda: Int, ldb: Int, alpha: Float = 1, beta: Float = 0) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if beta == 0 { c.update(repeating: 0, count: m * n) } else { scale(c, by: beta, c, count: m * n) }
            return
        }
        let job = GEMMJob(a: a, transposeA: transposeA, lda: Swift.max(lda, 1), b: b, transposeB: transposeB,
                          ldb: Swift.max(ldb, 1), c: c, ldc: n, m: m, n: n, k: k, alpha: alpha, beta: beta)
        if !ParallelGEMM.run(job) { job.execute() }
    }
}

/// OpenBLAS's thread pool size (it applies to every later `sgemm`).
public enum BLASThreads {
    /// The number of threads OpenBLAS uses.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of OpenBLAS threads (at least 1).
    public static func set(_ n: Int) { openblas_set_num_threads(Int32(Swift.max(1, n))) }
}
