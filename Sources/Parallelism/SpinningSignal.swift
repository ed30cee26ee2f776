#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// A counter that one thread advances and another waits on, for hand-offs a few microseconds
/// apart: the waiter polls (yielding the processor between polls) for a time budget, then sleeps
/// on a semaphore, and `signal` posts the semaphore only when the waiter sleeps.
///
/// Why: waking a sleeping thread costs about 50 µs on this project's VMs (an idle virtual CPU
/// must be woken by the host), polling well under 1 µs; yielding keeps a poller from holding a
/// processor another thread needs. No lost wake-up: the waiter announces `sleeping` and then
/// re-reads the counter, `signal` advances the counter and then reads `sleeping` (both
/// sequentially consistent), so one of them sees the other. A stale semaphore count (a signal
/// that raced with a waiter that did not sleep) only makes a later sleep return early, after
/// which the waiter reads the counter again.
final class SpinningSignal: @unchecked Sendable {
    private let counter = Atomic<Int>(0)
    private let sleeping = Atomic<Bool>(false)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Advances the counter and wakes the waiter if it sleeps.
    func signal() {
        counter.add(1, ordering: .sequentiallyConsistent)
        if sleeping.load(ordering: .sequentiallyConsistent) { semaphore.signal() }
    }

    /// Waits until the counter differs from `seen` and returns its value: polls for
    /// `spinNanoseconds`, then sleeps (and polls again after each wake-up).
    func wait(after seen: Int, spinNanoseconds: UInt64) -> Int {
        while true {
            let start = DispatchTime.now().uptimeNanoseconds
            var polls = 0
            while true {
                let value = counter.load(ordering: .acquiring)
                if value != seen { return value }
                polls += 1
                if polls & 15 == 0, DispatchTime.now().uptimeNanoseconds - start >= spinNanoseconds { break }
                sched_yield()
            }
            sleeping.store(true, ordering: .sequentiallyConsistent)
            if counter.load(ordering: .sequentiallyConsistent) == seen { semaphore.wait() }
            sleeping.store(false, ordering: .sequentiallyConsistent)
        }
    }
}
