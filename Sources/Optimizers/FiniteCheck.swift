import Parallelism
import _CKernels

/// Whether float32 buffers hold only finite values: the C kernel `descent_all_finite` (exponent
/// bits compared as integers, no floating-point work, at read bandwidth). Used for gradients
/// before a step and for weights after one. With two threads a buffer of `splitThreshold`
/// values or more is checked in two halves, one on the helper thread (allocating nothing); with
/// more, in `ParallelChunks`' chunks.
public enum FiniteCheck {
    /// The smallest buffer checked in two halves with two threads (a 32K-value check in cache
    /// takes a few microseconds; the hand-off well under one).
    public static let splitThreshold = 1 << 15

    /// Whether all `count` values at `values` are finite.
    public static func allFinite(_ values: UnsafePointer<Float>, count: Int, threads: Int) -> Bool {
        guard threads == 2, count >= splitThreshold else {
            return ParallelChunks.allSatisfy(count: count, threads: threads) { offset, length in
                descent_all_finite(values + offset, length)
            }
        }
        let half = ParallelChunks.chunking(count: count, threads: 2, twoWayFrom: splitThreshold).length
        var second = Half(values: values + half, count: count - half, finite: false)
        var firstFinite = false
        let split = HelperThread.shared.run({ firstFinite = descent_all_finite(values, half) }, alongside: &second)
        if !split { return descent_all_finite(values, count) }
        return firstFinite && second.finite
    }

    /// The second half of a check, for the helper thread.
    private struct Half: HelperPart {
        let values: UnsafePointer<Float>
        let count: Int
        var finite: Bool

        mutating func run() { finite = descent_all_finite(values, count) }
    }
}
