import Foundation
import Parallelism
import _CBLAS

/// Splits large matrix products over two threads: the calling thread computes one half of the
/// output rows (or columns) with single-threaded OpenBLAS while a persistent helper thread
/// computes the other half. A split product equals the unsplit one bit for bit (see `threshold`).
///
/// Why not OpenBLAS's own threads: on this project's 2-core machines its pthread build made the
/// MLP's products (≈ 128×100×100 to 128×784×100) slower than one thread, and changed their
/// last bits. `DispatchQueue.concurrentPerform` allocated 4 times per call; this helper hands
/// off through `SpinningSignal`s and allocates nothing. A call that finds the helper busy
/// (another thread is using it) runs unsplit.
///
/// The settings belong to the calling thread (a training loop turns splitting on for its own
/// products without changing those of other threads, e.g. tests running in parallel); off by
/// default. `withConfiguration(threads:_:)` scopes them, `configure(threads:)` sets them.
public enum ParallelGEMM {
    /// Whether the calling thread's products of at least `threshold` multiply-adds are split
    /// (the calling thread's `WorkSplitting` setting). Also call `BLASThreads.set(1)` (as
    /// `configure` does): OpenBLAS's threads and ours would compete for the cores.
    public static var isEnabled: Bool {
        get { WorkSplitting.isEnabled }
        set { WorkSplitting.isEnabled = newValue }
    }

    /// The recommended set-up for training with `threads` threads on the calling thread:
    /// OpenBLAS single-threaded (process-wide) and, with 2 or more, work split with the helper
    /// thread; with 1, nothing is split. (The helper gives two-way parallelism; more cores are
    /// not used by products.)
    public static func configure(threads: Int) {
        if BLASThreads.count != 1 { BLASThreads.set(1) }
        isEnabled = threads >= 2
        _ = ThreadSettings.current  // made now, not by whichever training step first splits a product
    }

    /// Runs `body` configured for `threads` threads (`configure`), then restores the calling
    /// thread's previous setting (OpenBLAS stays single-threaded).
    public static func withConfiguration<T>(threads: Int, _ body: () throws -> T) rethrows -> T {
        let was = isEnabled
        configure(threads: threads)
        defer { isEnabled = was }
        return try body()
    }

    /// The smallest m·n·k the calling thread splits; each half must also keep `threshold / 2`.
    ///
    /// The default, 2²¹, keeps both halves above 10⁶ multiply-adds, the bound under which
    /// OpenBLAS (0.3.21, SkylakeX) switches to its "small matrix" kernels. Those sum in another
    /// order than the blocked kernel (a split product would then differ from the unsplit one in
    /// the last bits) and malloc a scratch buffer for some shapes (when the output has 1–8
    /// columns past a multiple of 16). Above the bound every output element is summed over k in
    /// the same order whichever half computes it, so a split product equals the unsplit one bit
    /// for bit. In the 784-100-100-100-100-10 MLP at batch 128 this splits the two products of
    /// the first layer (forward 128×784×100 and weight gradient 784×128×100, 62% of the step's
    /// multiply-adds); the smaller products of the other layers run two at a time instead
    /// (`concurrently`).
    public static var threshold: Int {
        get { ThreadSettings.current.threshold }
        set { ThreadSettings.current.threshold = newValue }
    }

    /// Runs the product split in two when the calling thread enabled splitting and the product
    /// is large enough; returns false (having done nothing) when the caller should run it unsplit.
    static func run(_ job: GEMMJob) -> Bool {
        guard WorkSplitting.isEnabled else { return false }
        let threshold = ThreadSettings.current.threshold
        guard job.work >= threshold, Swift.max(job.m, job.n) >= 32 else { return false }
        var (mine, theirs) = job.halves()
        guard Swift.min(mine.work, theirs.work) >= threshold / 2 else { return false }
        return HelperThread.shared.run({ mine.run() }, alongside: &theirs)
    }

    /// One product `out = alpha · op(a) · op(b) + beta · out`, as `Tensor.matmul` takes it,
    /// to compute alongside another (`concurrently`).
    public struct Product {
        let a: Tensor, transposeA: Bool, b: Tensor, transposeB: Bool, out: Tensor, alpha: Float, beta: Float

        public init(_ a: Tensor, transposed transposeA: Bool = false, _ b: Tensor, transposed transposeB: Bool = false,
                    into out: Tensor, alpha: Float = 1, beta: Float = 0) {
            (self.a, self.transposeA, self.b, self.transposeB) = (a, transposeA, b, transposeB)
            (self.out, self.alpha, self.beta) = (out, alpha, beta)
        }

        /// Multiply-adds: m·n·k.
        var work: Int {
            let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
            return m * k * (transposeB ? b.shape[0] : b.shape[1])
        }

        /// Computes the product on the calling thread (`Tensor.matmul`).
        public func compute() {
            Tensor.matmul(a, transposed: transposeA, b, transposed: transposeB, into: out, alpha: alpha, beta: beta)
        }
    }

    /// Whether `product` is large enough for the calling thread to split it by itself (better
    /// than running it alongside another).
    public static func wouldSplit(_ product: Product) -> Bool {
        WorkSplitting.isEnabled && product.work >= threshold
    }

    /// Computes `first` on the calling thread while the helper computes `second` when the
    /// calling thread splits work and the helper is free; otherwise `first`, then `second`. For
    /// two independent products (neither writes what the other reads), e.g. the weight and input
    /// gradients of a layer's backward pass: each is computed whole, by one thread, so the
    /// numbers are those of `Tensor.matmul`. Allocates nothing.
    public static func concurrently(_ first: Product, _ second: Product) {
        var second = second
        WorkSplitting.runBoth({ first.run() }, alongside: &second)
    }
}

/// `ParallelGEMM`'s threshold for one thread, kept in thread-specific storage (made on first use).
final class ThreadSettings {
    var threshold = 1 << 21

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        #if os(Linux)
        pthread_key_create(&key) { if let pointer = $0 { Unmanaged<ThreadSettings>.fromOpaque(pointer).release() } }
        #else
        pthread_key_create(&key) { Unmanaged<ThreadSettings>.fromOpaque($0).release() }
        #endif
        return key
    }()

    static var current: ThreadSettings {
        if let pointer = pthread_getspecific(key) { return Unmanaged<ThreadSettings>.fromOpaque(pointer).takeUnretainedValue() }
        let settings = ThreadSettings()
        pthread_setspecific(key, Unmanaged.passRetained(settings).toOpaque())
        return settings
    }
}

/// One row-major sgemm call, `C = alpha · op(A) · op(B) + beta · C`, by its raw arguments.
struct GEMMJob {
    var a: UnsafePointer<Float>, transposeA: Bool, lda: Int
    var b: UnsafePointer<Float>, transposeB: Bool, ldb: Int
    var c: UnsafeMutablePointer<Float>, ldc: Int
    var m: Int, n: Int, k: Int
    var alpha: Float, beta: Float

    /// Multiply-adds: m·n·k.
    var work: Int { m * n * k }

    /// Computes the product with one `cblas_sgemm`, or in column parts when that call would
    /// allocate (`allocatesScratch`): two products cut at `scratchFreeColumnCut`, or else the
    /// whole 16-column panels as one product and each leftover column as a matrix-vector product.
    func execute() {
        guard allocatesScratch else { return call() }
        if let cut = scratchFreeColumnCut {
            columns(0..<cut).call()
            columns(cut..<n).call()
        } else {
            let panels = n - n % 16
            if panels > 0 { columns(0..<panels).call() }
            for j in panels..<n { columns(j..<(j + 1)).callAsVectorProduct() }
        }
    }

    private func call() {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The product restricted to output rows `range`.
    private func rows(_ range: Range<Int>) -> GEMMJob {
        var job = self
        job.m = range.count
        job.a = transposeA ? a + range.lowerBound : a + range.lowerBound * lda
        job.c = c + range.lowerBound * ldc
        return job
    }

    /// The product restricted to output columns `range`.
    private func columns(_ range: Range<Int>) -> GEMMJob {
        var job = self
        job.n = range.count
        job.b = transposeB ? b + range.lowerBound * ldb : b + range.lowerBound
        job.c = c + range.lowerBound
        return job
    }

    /// A one-column product (no transposes) as `cblas_sgemv`: A times column `b` (stride `ldb`)
    /// into column `c` (stride `ldc`). With beta = 0 the column is zeroed first, so that old
    /// values (even NaN) cannot leak through gemv's scaling of y by beta.
    private func callAsVectorProduct() {
        if beta == 0 { for i in 0..<m { c[i * ldc] = 0 } }
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(m), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Whether OpenBLAS's small-matrix sgemm (0.3.21, SkylakeX kernels, m·n·k ≤ 10⁶) would malloc
    /// a scratch buffer for this product: it does for a product without transposes whose output
    /// has 1–8 columns past a multiple of 16, with k ≥ 32, copying the operand of those leftover
    /// columns for a dot-product kernel (measured for every such shape up to n = 120 and m up to
    /// 100; no transposed variant does, nor does sgemv). In this project: the middle layers'
    /// forward product of the benchmark MLP in halves of a batch (64×100·100×100), and every
    /// network's last layer with 1–8 outputs (a regression, a 3-class classifier) after a hidden
    /// layer of 32 or more.
    var allocatesScratch: Bool {
        !transposeA && !transposeB && k >= 32 && (1...8).contains(n % 16) && m * n * k <= 1_000_000
    }

    /// Where to cut the output's columns into two products that do not allocate, or nil. Parts of
    /// 16q + 9 and 16q' + 9…15 columns take the kernel's masked-vector paths instead: no
    /// allocation, about the same time. Not possible below 18 columns, nor with one column past a
    /// multiple of 16 (`execute` then computes the leftover columns with sgemv).
    var scratchFreeColumnCut: Int? {
        guard allocatesScratch, n >= 18, n % 16 >= 2 else { return nil }
        return 16 * ((n - 9) / 32) + 9
    }

    /// Two jobs covering the output: split along the rows when m ≥ n, else along the columns,
    /// at the multiple of 8 nearest the middle (whole kernel tiles, halves within 8 of equal).
    func halves() -> (GEMMJob, GEMMJob) {
        if m >= n {
            let cut = (m / 2 + 4) & ~7
            return (rows(0..<cut), rows(cut..<m))
        }
        let cut = (n / 2 + 4) & ~7
        return (columns(0..<cut), columns(cut..<n))
    }
}

extension ParallelGEMM.Product: HelperPart {
    /// `compute()`, as a part for the helper thread.
    public func run() { compute() }
}

extension GEMMJob: HelperPart {
    /// `execute()`, as a part for the helper thread.
    func run() { execute() }
}
