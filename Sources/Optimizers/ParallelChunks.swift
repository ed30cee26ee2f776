import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Splits an element-wise pass into a few large chunks, one per thread, or runs it inline when
/// the tensor is small (handing work to another thread costs more than ~64K elements of work).
public enum ParallelChunks {
    /// Below this many elements a pass runs inline on the calling thread.
    public static let parallelThreshold = 1 << 16
    /// Chunk boundaries are multiples of this many elements (cache lines, vector widths).
    static let alignment = 64

    /// The machine's active processor count, or DESCENT_THREADS when set.
    public static var defaultThreads: Int {
        if let s = getenv("DESCENT_THREADS"), let n = Int(String(cString: s)), n > 0 { return n }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// Calls `body(offset, length)` over `0..<count`, in `threads` chunks when large enough.
    @inline(__always)
    public static func run(count: Int, threads: Int, _ body: (Int, Int) -> Void) {
        let n = min(threads, count / parallelThreshold)
        if n <= 1 { body(0, count); return }
        var chunk = (count + n - 1) / n
        chunk = (chunk + alignment - 1) / alignment * alignment
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: n) { k in
                let start = k * chunk
                let length = min(chunk, count - start)
                if length > 0 { body(start, length) }
            }
        }
    }
}
