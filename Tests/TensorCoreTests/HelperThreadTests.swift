import Foundation
import Parallelism
import Testing

/// The helper thread runs both parts, falls back to the calling thread when it is taken, and
/// runs its part in the caller's subnormal mode. Tests run in parallel and share the one helper,
/// so each test accepts either outcome of `run` and checks what must hold in both.
@Suite struct HelperThreadTests {
    @Test func bothPartsRunAndWriteTheirHalves() {
        var values = [Int](repeating: 0, count: 1000)
        values.withUnsafeMutableBufferPointer { buffer in
            for round in 1...200 {
                HelperThread.shared.runTwo { part in
                    for i in stride(from: part, to: buffer.count, by: 2) { buffer[i] = round * 10 + part }
                }
                #expect((0..<buffer.count).allSatisfy { buffer[$0] == round * 10 + $0 % 2 })
            }
        }
    }

    @Test func aCallFromInsideAPartRunsBothPartsOnItsThread() {
        var inner = [0, 0, 0, 0]
        inner.withUnsafeMutableBufferPointer { buffer in
            HelperThread.shared.runTwo { part in
                // The helper is held until the outer call returns: the nested call must not wait for it.
                let ran = HelperThread.shared.run({ buffer[2 * part] = 1 }, alongside: { buffer[2 * part + 1] = 1 })
                if !ran { buffer[2 * part] = 1; buffer[2 * part + 1] = 1 }
            }
        }
        #expect(inner == [1, 1, 1, 1])
    }

    /// A generic part, as `ParallelChunks` hands over: it runs once, on either thread, and what
    /// it writes into itself is seen by the caller afterwards.
    struct Sum<T: Numeric>: HelperPart {
        let values: [T]
        var total: T = 0
        mutating func run() { total = values.reduce(0, +) }
    }

    @Test func aGenericPartRunsOnceAndReturnsItsResult() {
        for round in 1...100 {
            var part = Sum(values: Array(1...round))
            var mine = 0
            if !HelperThread.shared.run({ mine = round }, alongside: &part) { part.run(); mine = round }
            #expect(part.total == round * (round + 1) / 2 && mine == round)
        }
        var double = Sum(values: [0.5, 0.25])
        WorkSplitting.with(enabled: true) { WorkSplitting.runBoth({}, alongside: &double) }
        #expect(double.total == 0.75)
    }

    @Test(arguments: [true, false])
    func theHelpersPartFollowsTheCallersSubnormalMode(flushing: Bool) {
        let tiny = Float.leastNormalMagnitude
        var results: [Float] = [tiny, tiny]
        let wasFlushing = SubnormalFlushing.isEnabled
        SubnormalFlushing.set(flushing)
        defer { SubnormalFlushing.set(wasFlushing) }
        results.withUnsafeMutableBufferPointer { buffer in
            // A subnormal quotient, or 0 when flushing; the value is read at run time, on the helper.
            HelperThread.shared.runTwo { part in buffer[part] = buffer[part] / 4 }
        }
        let expected: Float = flushing ? 0 : tiny / 4
        #expect(results == [expected, expected])
    }

    @Test func aThreadMovesOffItsProcessor() async {
        // On a dedicated thread: moving it must not disturb the test runner's own threads.
        let moved: (before: Int, after: Int?, ok: Bool, allowed: Int?)? = await withCheckedContinuation { done in
            let thread = Thread {
                guard let before = ProcessorPlacement.current else { return done.resume(returning: nil) }
                let allowed = ProcessorPlacement.allowedCount
                let ok = ProcessorPlacement.moveOff(before)
                done.resume(returning: (before, ProcessorPlacement.current, ok, allowed))
            }
            thread.start()
        }
        guard let moved else { return }  // processor unknown: not Linux
        // With one allowed processor there is nowhere to go; with more the thread must have left.
        #expect(moved.ok == ((moved.allowed ?? 0) >= 2))
        if moved.ok { #expect(moved.after != nil && moved.after != moved.before) }
        #expect(ProcessorPlacement.moveOff(-1) == false)
    }

    @Test func workSplittingIsPerThreadAndScoped() {
        #expect(!WorkSplitting.isEnabled)
        WorkSplitting.with(enabled: true) {
            #expect(WorkSplitting.isEnabled)
            var seen = [false, false]
            seen.withUnsafeMutableBufferPointer { b in
                var second = Mark(flag: b.baseAddress! + 1)
                WorkSplitting.runBoth({ b[0] = true }, alongside: &second)
            }
            #expect(seen == [true, true])
        }
        #expect(!WorkSplitting.isEnabled)
    }
}

/// Sets a flag, as the helper's part.
private struct Mark: HelperPart {
    let flag: UnsafeMutablePointer<Bool>
    func run() { flag.pointee = true }
}

extension HelperThread {
    /// `body(0)` on the calling thread and `body(1)` on the helper; both here, in order, when the
    /// helper is in use.
    fileprivate func runTwo(_ body: (Int) -> Void) {
        if !run({ body(0) }, alongside: { body(1) }) {
            body(0)
            body(1)
        }
    }
}
