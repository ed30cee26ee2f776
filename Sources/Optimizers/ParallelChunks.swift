import Dispatch
import Parallelism
#if canImport(Glibc)
import Glibc
#endif

/// Splits an element-wise pass into a few large chunks, one per thread, or runs it inline when
/// the tensor is small (handing work to another thread costs more than the work).
///
/// Two chunks (two threads, the common case here) go to the calling thread and the process's
/// `HelperThread`, which hands off in about a microsecond when awake and keeps the caller's
/// subnormal mode; more go through `DispatchQueue.concurrentPerform`. The chunks depend only on
/// `count` and `threads`, and every pass is element-wise, so the numbers never depend on them.
public enum ParallelChunks {
    /// With three or more threads, each chunk has at least this many elements.
    public static let parallelThreshold = 1 << 16
    /// With two threads, a pass of at least this many elements is split in two. A pass's body
    /// is a closure, and handing a closure to the helper allocates a small box, so smaller
    /// tensors (a training step's, which should allocate nothing) run inline; the passes of
    /// `FiniteCheck` hand off without allocating and split from `FiniteCheck.splitThreshold`.
    public static let helperThreshold = 1 << 17
    /// Chunk boundaries are multiples of this many elements (cache lines, vector widths).
    static let alignment = 64

    /// The machine's active processor count, or DESCENT_THREADS when set.
    public static var defaultThreads: Int {
        if let s = getenv("DESCENT_THREADS"), let n = Int(String(cString: s)), n > 0 { return n }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// The number of chunks and the chunk length (all but the last) for a pass of `count`
    /// elements on `threads` threads; with two threads, split from `twoWayFrom` elements on.
    public static func chunking(count: Int, threads: Int, twoWayFrom: Int = helperThreshold) -> (chunks: Int, length: Int) {
        let n = threads == 2 ? (count >= twoWayFrom ? 2 : 1) : min(threads, count / parallelThreshold)
        if n <= 1 { return (1, count) }
        let chunk = ((count + n - 1) / n + alignment - 1) / alignment * alignment
        return ((count + chunk - 1) / chunk, chunk)
    }

    /// Calls `body(offset, length)` over `0..<count`, in `threads` chunks when large enough.
    @inline(__always)
    public static func run(count: Int, threads: Int, _ body: (Int, Int) -> Void) {
        runChunks(count: count, threads: threads) { _, offset, length in body(offset, length) }
    }

    /// Calls `body(chunkIndex, offset, length)` for each chunk of `run`'s split.
    public static func runChunks(count: Int, threads: Int, _ body: (Int, Int, Int) -> Void) {
        let (n, chunk) = chunking(count: count, threads: threads)
        func part(_ k: Int) {
            let start = k * chunk
            let length = min(chunk, count - start)
            if length > 0 { body(k, start, length) }
        }
        switch n {
        case ...1: body(0, 0, count)
        case 2: HelperThread.shared.runTwo(part)
        default:
            withoutActuallyEscaping(part) { part in
                DispatchQueue.concurrentPerform(iterations: n) { k in part(k) }
            }
        }
    }
}
