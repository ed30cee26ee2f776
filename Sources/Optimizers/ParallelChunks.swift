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
    /// With two threads, a pass of at least this many elements is split in two: a 16K-element
    /// half of an update in cache takes a few microseconds, the hand-off well under one. (The
    /// first layer of the MLP benchmark, 78,400 weights, is split; its 10,000-weight layers are not.)
    public static let helperThreshold = 1 << 15
    /// Chunk boundaries are multiples of this many elements (cache lines, vector widths).
    static let alignment = 64

    /// The machine's active processor count, or DESCENT_THREADS when set.
    public static var defaultThreads: Int {
        if let s = getenv("DESCENT_THREADS"), let n = Int(String(cString: s)), n > 0 { return n }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// The number of chunks and the chunk length (all but the last) for a pass of `count`
    /// elements on `threads` threads.
    public static func chunking(count: Int, threads: Int) -> (chunks: Int, length: Int) {
        let n = threads == 2 ? (count >= helperThreshold ? 2 : 1) : min(threads, count / parallelThreshold)
        if n <= 1 { return (1, count) }
        let chunk = ((count + n - 1) / n + alignment - 1) / alignment * alignment
        return ((count + chunk - 1) / chunk, chunk)
    }

    /// Runs `pass` over `0..<count` in `chunking`'s chunks. Two chunks go to the calling thread
    /// and the helper without allocating (the second chunk is handed over as a `HelperPart`);
    /// when the helper is in use, both run here, in order. More go to `concurrentPerform`.
    public static func run<Pass: ChunkedPass>(_ pass: Pass, count: Int, threads: Int) {
        let (n, chunk) = chunking(count: count, threads: threads)
        switch n {
        case ...1:
            pass.run(offset: 0, length: count)
        case 2:
            var second = SecondChunk(pass: pass, offset: chunk, length: count - chunk)
            if !HelperThread.shared.run({ pass.run(offset: 0, length: chunk) }, alongside: &second) {
                pass.run(offset: 0, length: chunk)
                second.run()
            }
        default:
            DispatchQueue.concurrentPerform(iterations: n) { k in
                pass.run(offset: k * chunk, length: min(chunk, count - k * chunk))
            }
        }
    }

    /// Calls `body(offset, length)` for each chunk of `0..<count`, as `run(_:count:threads:)`
    /// (a split closure costs a small allocation; hot paths pass a `ChunkedPass`).
    public static func run(count: Int, threads: Int, _ body: (Int, Int) -> Void) {
        if chunking(count: count, threads: threads).chunks <= 1 { return body(0, count) }
        withoutActuallyEscaping(body) { body in
            run(ClosurePass(body: body), count: count, threads: threads)
        }
    }
}

/// An element-wise pass that `ParallelChunks` splits: `run(offset:length:)` computes elements
/// `offset..<offset + length` and touches no other element's data.
public protocol ChunkedPass {
    func run(offset: Int, length: Int)
}

/// The chunk of a two-way split that goes to the helper thread.
private struct SecondChunk<Pass: ChunkedPass>: HelperPart {
    let pass: Pass, offset: Int, length: Int
    func run() { pass.run(offset: offset, length: length) }
}

/// A closure as a `ChunkedPass`.
private struct ClosurePass: ChunkedPass {
    let body: (Int, Int) -> Void
    func run(offset: Int, length: Int) { body(offset, length) }
}
