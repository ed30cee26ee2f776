import Foundation
import Synchronization

/// A persistent second thread for two-way parallel work: `run(_:alongside:)` computes one part on
/// the calling thread while the helper computes the other (a `HelperPart`), then returns when
/// both are done. It is the one helper of the process (`shared`): the halves of large matrix
/// products, the two gradient products of a layer, the halves of an optimizer step or a
/// finiteness check, the halves of a batch gather.
///
/// Why a helper of our own: on this project's 2-core VMs waking a sleeping thread takes ~50 µs,
/// and `DispatchQueue.concurrentPerform` allocates per call; a training step has a dozen pieces
/// of work of 5–100 µs. The helper polls for the next job (`SpinningSignal`: yielding the core
/// between polls, sleeping after `spinMicroseconds` without work), allocates nothing per hand-off
/// (a part is a value on the caller's stack, posted as its type and address), and runs each job
/// in the caller's subnormal mode (`SubnormalFlushing`), so a part gives the same numbers
/// whichever thread computes it.
///
/// A polling helper can share a processor with its caller while the other processor idles: it
/// never sleeps, so the scheduler never places it again, and a yielding thread is not worth
/// moving to its load balancer. It then runs only when the caller is preempted, and the caller
/// takes back nearly every part (seen in `descent bench step`: 4 of 67 parts on the helper in
/// some runs, all 67 in others). So each part records the processor it was posted from, and a
/// helper that sees a part posted from its own processor first moves itself to another (`moves`).
///
/// The posted part is claimed, not just handed over: when the caller has done its own part and
/// the helper has not yet started the other (its core is busy with another process, or still
/// waking up), the caller takes it back and runs it itself, so on a loaded machine a split costs
/// about what running both parts on one thread costs. One caller at a time: a caller that finds
/// the helper in use (another thread holds it) gets `false` and runs both parts itself.
public final class HelperThread: @unchecked Sendable {
    /// The process's helper, started (and warmed up) on first use.
    public static let shared = HelperThread()

    /// How long a waiting side (the helper for its next job, the caller for the helper's part)
    /// polls before it sleeps (process-wide). The default, 2 ms, covers the gaps between the
    /// parallel parts of a training step, so the helper stays awake while training, and lets it
    /// sleep soon after.
    nonisolated(unsafe) public static var spinMicroseconds = 2000

    private enum Claim: Int { case pending, helper, caller }

    private let available = DispatchSemaphore(value: 1)
    private let postings = SpinningSignal()
    private let finished = SpinningSignal()
    private let claim = Atomic<Int>(Claim.caller.rawValue)
    /// The posted part: a C function and the caller's context for it, valid from `post` until
    /// `finish` returns. No closure is stored, so a hand-off allocates nothing.
    private var entry: HelperEntry?
    private var context: UnsafeMutableRawPointer?
    /// The caller's `SubnormalFlushing` mode for the posted part.
    private var flushing = false
    /// The processor the last part was posted from (-1 where unknown).
    private let callerCPU = Atomic<Int>(-1)
    /// Completions seen by callers (changed only while `available` is held).
    private var finishedSeen = 0
    private let postedCount = Atomic<Int>(0)
    private let helperCount = Atomic<Int>(0)
    private let movesCount = Atomic<Int>(0)

    /// Parts handed to the helper so far, by any thread, whoever computed them.
    public var posted: Int { postedCount.load(ordering: .relaxed) }
    /// How many of those parts the helper computed; the callers took the others back because the
    /// helper had not started them when the caller's own part was done (diagnostics).
    public var completed: Int { helperCount.load(ordering: .relaxed) }
    /// How often the helper found itself on the caller's processor and moved to another.
    public var moves: Int { movesCount.load(ordering: .relaxed) }

    /// Starts the thread and waits until it is ready (its one-time set-up done, so that it
    /// happens before a training step, not during one).
    private init() {
        let ready = DispatchSemaphore(value: 0)
        let thread = Thread { [unowned self] in
            _ = SubnormalFlushing.isEnabled
            ready.signal()
            self.loop()
        }
        thread.name = "descent.helper"
        thread.start()
        ready.wait()
    }

    /// The primitive under `run(_:alongside:)`: runs `mine` on the calling thread and
    /// `entry(context)` on the helper (or on the calling thread after `mine`, if the helper has
    /// not started it by then); returns when both are done. Returns false, having run nothing,
    /// when another thread is using the helper. The helper's part must not touch what `mine`
    /// writes, nor the reverse. Allocates nothing: `context` (typically a pointer to a struct on
    /// the caller's stack) only has to live until this call returns.
    func run(_ mine: () -> Void, alongside entry: HelperEntry, context: UnsafeMutableRawPointer) -> Bool {
        guard post(entry, context) else { return false }
        mine()
        finish()
        return true
    }

    /// `run(_:alongside:)` for a closure: convenient, but converting `theirs` for another thread
    /// allocates a small box per call; hot paths pass a `HelperPart` instead.
    @discardableResult
    public func run(_ mine: () -> Void, alongside theirs: () -> Void) -> Bool {
        withoutActuallyEscaping(theirs) { theirs in
            var part = ClosurePart(body: theirs)
            return run(mine, alongside: &part)
        }
    }

    private func post(_ work: HelperEntry, _ workContext: UnsafeMutableRawPointer) -> Bool {
        guard available.wait(timeout: .now()) == .success else { return false }
        entry = work
        context = workContext
        flushing = SubnormalFlushing.isEnabled
        callerCPU.store(ProcessorPlacement.current ?? -1, ordering: .relaxed)
        postedCount.add(1, ordering: .relaxed)
        claim.store(Claim.pending.rawValue, ordering: .releasing)
        postings.signal()
        return true
    }

    /// Called once the caller's own part is done: runs the posted part itself if the helper has
    /// not claimed it, else waits until the helper finished it; then frees the helper.
    private func finish() {
        if claim.compareExchange(expected: Claim.pending.rawValue, desired: Claim.caller.rawValue,
                                 ordering: .acquiringAndReleasing).exchanged {
            runJob()
        } else {
            finishedSeen = finished.wait(after: finishedSeen, spinNanoseconds: HelperThread.spinNanoseconds)
            helperCount.add(1, ordering: .relaxed)
        }
        entry = nil
        context = nil
        available.signal()
    }

    private static var spinNanoseconds: UInt64 { UInt64(Swift.max(0, spinMicroseconds)) * 1000 }

    private func loop() {
        var threadFlushes = SubnormalFlushing.isEnabled
        var seen = 0
        while true {
            seen = postings.wait(after: seen, spinNanoseconds: HelperThread.spinNanoseconds)
            moveOffCallersProcessor()
            guard claim.compareExchange(expected: Claim.pending.rawValue, desired: Claim.helper.rawValue,
                                        ordering: .acquiringAndReleasing).exchanged else { continue }
            if flushing != threadFlushes {
                SubnormalFlushing.set(flushing)
                threadFlushes = flushing
            }
            runJob()
            finished.signal()
        }
    }

    /// Moves the helper to another processor when it is on the one the last part was posted
    /// from (whether or not it then wins that part: the next one it will).
    private func moveOffCallersProcessor() {
        let cpu = callerCPU.load(ordering: .relaxed)
        if cpu >= 0, ProcessorPlacement.current == cpu, ProcessorPlacement.moveOff(cpu) {
            movesCount.add(1, ordering: .relaxed)
        }
    }

    /// Runs the posted part.
    private func runJob() {
        if let entry, let context { entry(context) }
    }
}

/// A part of work for the helper thread as it is posted: a C function called with its context
/// pointer (a `HelperPart`'s type and address, for `run(_:alongside:)`).
typealias HelperEntry = @convention(c) (UnsafeMutableRawPointer) -> Void

/// A closure as a `HelperPart`.
private struct ClosurePart: HelperPart {
    let body: () -> Void
    func run() { body() }
}
