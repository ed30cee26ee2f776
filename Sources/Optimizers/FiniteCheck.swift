import _CKernels

/// Whether float32 buffers hold only finite values: the C kernel `descent_all_finite` (exponent
/// bits compared as integers, no floating-point work, at read bandwidth), split across threads
/// as the optimizer's update is (`ParallelChunks`: two halves from `helperThreshold` values with
/// two threads, allocating nothing). Used for gradients before a step and weights after one.
public enum FiniteCheck {
    /// Whether all `count` values at `values` are finite.
    public static func allFinite(_ values: UnsafePointer<Float>, count: Int, threads: Int) -> Bool {
        ParallelChunks.allSatisfy(Finite(values: values), count: count, threads: threads)
    }

    /// The index of the first NaN or infinite value, nil when all are finite: the fast check,
    /// then a scan for the element only when it fails.
    public static func firstNonFinite(_ values: UnsafePointer<Float>, count: Int, threads: Int) -> Int? {
        if allFinite(values, count: count, threads: threads) { return nil }
        return (0..<count).first { !values[$0].isFinite }
    }

    /// The check of one chunk.
    private struct Finite: ChunkCheck {
        let values: UnsafePointer<Float>
        func holds(offset: Int, length: Int) -> Bool { descent_all_finite(values + offset, length) }
    }
}
