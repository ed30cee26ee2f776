import Foundation
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
    /// Whether the calling thread's products of at least `threshold` multiply-adds are split.
    /// Also call `BLASThreads.set(1)` (as `configure` does): OpenBLAS's threads and ours would
    /// compete for the cores.
    public static var isEnabled: Bool {
        get { ThreadSettings.current.enabled }
        set {
            if newValue { _ = helper }
            ThreadSettings.current.enabled = newValue
        }
    }

    /// The recommended set-up for training with `threads` threads on the calling thread:
    /// OpenBLAS single-threaded (process-wide) and, with 2 or more, large products split in
    /// two; with 1, nothing is split. (The helper gives two-way parallelism; more cores are not
    /// used by products.)
    public static func configure(threads: Int) {
        if BLASThreads.count != 1 { BLASThreads.set(1) }
        isEnabled = threads >= 2
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
    /// multiply-adds): two hand-offs per step instead of eleven.
    public static var threshold: Int {
        get { ThreadSettings.current.threshold }
        set { ThreadSettings.current.threshold = newValue }
    }

    /// How long a waiting side (the helper for its next job, the caller for the helper's half)
    /// polls, yielding the processor between polls, before it sleeps (process-wide).
    ///
    /// Why poll: on this project's VMs waking a thread whose virtual CPU went idle takes about
    /// 50 µs (measured: semaphore round trip 2.4 µs back to back, 50 µs after 100 µs apart;
    /// polling 0.2–0.7 µs). Sleeping at once, the two hand-offs of an MLP step cost as much as
    /// the split saved. The default, 2 ms, covers the gaps between the split products of a
    /// training step (so the helper stays awake while training), and lets it sleep soon after.
    nonisolated(unsafe) public static var spinMicroseconds = 2000

    /// How many parts have been handed to the helper thread so far, by any thread (halves of
    /// split products, or the second product of `concurrently`), whoever computed them.
    public static var splitCount: Int { helper.posted }

    /// How many of those parts the helper thread computed; the caller took the others back
    /// because the helper had not started them when the caller's own part was done (diagnostics).
    public static var helperCount: Int { helper.completed }

    private static let helper = GEMMHelperThread()

    /// Runs the product split in two when the calling thread enabled splitting and the product
    /// is large enough; returns false (having done nothing) when the caller should run it unsplit.
    static func run(_ job: GEMMJob) -> Bool {
        let settings = ThreadSettings.current
        guard settings.enabled, job.work >= settings.threshold, Swift.max(job.m, job.n) >= 32 else { return false }
        let (mine, theirs) = job.halves()
        guard Swift.min(mine.work, theirs.work) >= settings.threshold / 2 else { return false }
        guard helper.post(.product(theirs), flushingSubnormals: SubnormalFlushing.isEnabled) else { return false }
        mine.execute()
        helper.finish()
        return true
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

        /// Computes the product on the calling thread (`Tensor.matmul`).
        public func compute() {
            Tensor.matmul(a, transposed: transposeA, b, transposed: transposeB, into: out, alpha: alpha, beta: beta)
        }
    }

    /// Computes `first` on the calling thread while the helper thread computes `second`, when
    /// the calling thread has splitting enabled and the helper is free (and takes `second` back
    /// if the helper has not started it when `first` is done); otherwise `first`, then `second`. For two independent products (neither writes what the other reads), e.g. the
    /// input and weight gradients of a layer's backward pass: each is computed whole, by one
    /// thread, so the numbers are those of `Tensor.matmul`. Allocates nothing.
    public static func concurrently(_ first: Product, _ second: Product) {
        guard ThreadSettings.current.enabled,
              helper.post(.matmul(second), flushingSubnormals: SubnormalFlushing.isEnabled) else {
            first.compute()
            second.compute()
            return
        }
        first.compute()
        helper.finish()
    }
}

/// `ParallelGEMM`'s settings of one thread, kept in thread-specific storage (made on first use).
private final class ThreadSettings {
    var enabled = false
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

    func execute() {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Two jobs covering the output: split along the rows when m ≥ n, else along the columns,
    /// at the multiple of 8 nearest the middle (whole kernel tiles, halves within 8 of equal).
    func halves() -> (GEMMJob, GEMMJob) {
        var first = self, second = self
        if m >= n {
            let cut = (m / 2 + 4) & ~7
            first.m = cut; second.m = m - cut
            second.a = transposeA ? a + cut : a + cut * lda
            second.c = c + cut * ldc
        } else {
            let cut = (n / 2 + 4) & ~7
            first.n = cut; second.n = n - cut
            second.b = transposeB ? b + cut * ldb : b + cut
            second.c = c + cut
        }
        return (first, second)
    }
}
