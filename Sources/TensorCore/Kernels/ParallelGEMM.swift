import Foundation
import _CBLAS

/// Splits large matrix products over two threads: the calling thread computes one half of the
/// output rows (or columns) with single-threaded OpenBLAS while a persistent helper thread
/// computes the other half.
///
/// Why not OpenBLAS's own threads: on this project's 2-core machines its pthread build made the
/// MLP's products (≈ 128×100×100 to 128×784×100) slower than one thread, not faster.
/// `DispatchQueue.concurrentPerform` split as well but allocated 4 times per call; this helper
/// hands off through two semaphores and allocates nothing. A call that finds the helper busy
/// (another thread is using it) runs unsplit. Off by default: call `configure(threads:)`.
///
/// Measured on the 784-100-100-100-100-10 MLP, batch 128, forward + backward, on a shared
/// 2-core VM (interleaved runs, best of 40): split 1615–1628 steps/s; one OpenBLAS thread
/// 839 (machine very busy) to 1710 (less busy); OpenBLAS with 2 threads 1002–1277. Each hand-off
/// costs a wake-up, about what the split saves when a core is free; it pays when cores are contended.
public enum ParallelGEMM {
    /// Whether products of at least `threshold` multiply-adds (m·n·k) are split. When turning it
    /// on, also call `BLASThreads.set(1)`: OpenBLAS's threads and ours would compete for the cores.
    /// Set it before training starts, not while other threads multiply.
    public static var isEnabled: Bool {
        get { enabled }
        set {
            if newValue { _ = helper }
            enabled = newValue
        }
    }

    /// The recommended set-up for training with `threads` threads: with 2 or more, large
    /// products are split in two here and OpenBLAS runs single-threaded; with 1, nothing is split.
    /// (The helper gives two-way parallelism; more cores are not used by products.)
    public static func configure(threads: Int) {
        BLASThreads.set(1)
        isEnabled = threads >= 2
    }

    /// The smallest m·n·k worth splitting (below it the hand-off costs more than it saves).
    nonisolated(unsafe) public static var threshold = 1 << 19

    /// How many times a waiting side (the caller for the helper's half, the helper for the next
    /// job) polls its semaphore before it sleeps. Default 0, sleep at once: on a busy 2-core
    /// machine 2000 polls cut the MLP step rate from ≈1600 to ≈1000 steps/s (a poller holds the
    /// core the other side needs). A quiet machine may gain from a few hundred.
    nonisolated(unsafe) public static var pollCount = 0

    /// How many products have been split so far (a diagnostic for tests and benchmarks).
    public static var splitCount: Int { helper.completed }

    nonisolated(unsafe) private static var enabled = false
    private static let helper = GEMMHelperThread()

    /// Runs the product split in two when enabled and large enough; returns false (having done
    /// nothing) when the caller should run it unsplit.
    static func run(_ job: GEMMJob) -> Bool {
        guard enabled, job.m * job.n * job.k >= threshold, Swift.max(job.m, job.n) >= 32 else { return false }
        let (mine, theirs) = job.halves()
        guard helper.post(theirs) else { return false }
        mine.execute()
        helper.waitForCompletion()
        return true
    }
}

/// One row-major sgemm call, `C = alpha · op(A) · op(B) + beta · C`, by its raw arguments.
struct GEMMJob {
    var a: UnsafePointer<Float>, transposeA: Bool, lda: Int
    var b: UnsafePointer<Float>, transposeB: Bool, ldb: Int
    var c: UnsafeMutablePointer<Float>, ldc: Int
    var m: Int, n: Int, k: Int
    var alpha: Float, beta: Float

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

/// The persistent second thread: it sleeps on `work` until a job is posted and signals `done`.
/// `available` (a semaphore of one) is held by the caller from `post` to `waitForCompletion`.
/// (A hand-off spinning on atomics was 10× slower whenever the machine was busy.)
final class GEMMHelperThread: @unchecked Sendable {
    private let available = DispatchSemaphore(value: 1)
    private let work = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var job: GEMMJob?
    /// Jobs finished (changed only while `available` is held).
    private(set) var completed = 0

    init() {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "descent.gemm"
        thread.start()
    }

    /// Hands `job` to the helper; false (without waiting) when another caller holds it.
    func post(_ job: GEMMJob) -> Bool {
        guard available.wait(timeout: .now()) == .success else { return false }
        self.job = job
        work.signal()
        return true
    }

    /// Blocks until the helper finished the posted job, then frees it for the next caller.
    func waitForCompletion() {
        GEMMHelperThread.wait(on: done)
        completed += 1
        available.signal()
    }

    /// Polls `semaphore` `ParallelGEMM.pollCount` times (the other side is usually a few µs
    /// away), then sleeps on it.
    static func wait(on semaphore: DispatchSemaphore) {
        for _ in 0..<ParallelGEMM.pollCount where semaphore.wait(timeout: .now()) == .success { return }
        semaphore.wait()
    }

    private func loop() {
        while true {
            GEMMHelperThread.wait(on: work)
            job?.execute()
            done.signal()
        }
    }
}
