import Foundation
import Synchronization

/// `ParallelGEMM`'s persistent second thread: it waits for posted work (half a product, or a
/// whole one) and runs it in the caller's floating-point mode (`SubnormalFlushing`, so a split
/// product equals the unsplit one in either mode). One caller at a time uses it: `available` (a
/// semaphore of one) is held from `post` to `finish`.
///
/// The work is claimed, not just handed over: when the caller has done its own part and the
/// helper has not yet started the posted one (its core is busy with another process, or still
/// waking up), the caller takes it back and runs it itself. So on a loaded machine a split costs
/// about what running both parts on one thread costs, instead of waiting for the helper's turn.
final class GEMMHelperThread: @unchecked Sendable {
    /// What the helper runs.
    enum Work {
        /// Half of a split product.
        case product(GEMMJob)
        /// A whole product (`ParallelGEMM.concurrently`).
        case matmul(ParallelGEMM.Product)

        func run() {
            switch self {
            case .product(let job): job.execute()
            case .matmul(let product): product.compute()
            }
        }
    }

    private enum Claim: Int { case pending, helper, caller }

    private let available = DispatchSemaphore(value: 1)
    private let postings = SpinningSignal()
    private let finished = SpinningSignal()
    private let claim = Atomic<Int>(Claim.caller.rawValue)
    private var job: Work?
    /// The caller's `SubnormalFlushing` mode for `job`.
    private var flushing = false
    /// Completions seen by callers (changed only while `available` is held).
    private var finishedSeen = 0
    /// Work posted so far, and how much of it the helper ran (changed only while `available` is held).
    private(set) var posted = 0
    private(set) var completed = 0

    init() {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "descent.gemm"
        thread.start()
    }

    /// Offers `work` to the helper, to run in the caller's subnormal mode; false (without
    /// waiting) when another caller holds the helper.
    func post(_ work: Work, flushingSubnormals: Bool) -> Bool {
        guard available.wait(timeout: .now()) == .success else { return false }
        job = work
        flushing = flushingSubnormals
        posted += 1
        claim.store(Claim.pending.rawValue, ordering: .releasing)
        postings.signal()
        return true
    }

    /// Called by the caller once its own part is done: runs the posted work itself if the helper
    /// has not claimed it, else waits until the helper finished it; then frees the helper.
    func finish() {
        if claim.compareExchange(expected: Claim.pending.rawValue, desired: Claim.caller.rawValue,
                                 ordering: .acquiringAndReleasing).exchanged {
            job?.run()
        } else {
            finishedSeen = finished.wait(after: finishedSeen, spinNanoseconds: GEMMHelperThread.spinNanoseconds)
            completed += 1
        }
        job = nil
        available.signal()
    }

    private static var spinNanoseconds: UInt64 { UInt64(Swift.max(0, ParallelGEMM.spinMicroseconds)) * 1000 }

    private func loop() {
        var threadFlushes = SubnormalFlushing.isEnabled
        var seen = 0
        while true {
            seen = postings.wait(after: seen, spinNanoseconds: GEMMHelperThread.spinNanoseconds)
            guard claim.compareExchange(expected: Claim.pending.rawValue, desired: Claim.helper.rawValue,
                                        ordering: .acquiringAndReleasing).exchanged else { continue }
            if flushing != threadFlushes {
                SubnormalFlushing.set(flushing)
                threadFlushes = flushing
            }
            job?.run()
            finished.signal()
        }
    }
}
