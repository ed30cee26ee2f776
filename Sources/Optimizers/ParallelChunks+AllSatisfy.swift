/// A read-only check of elements `offset..<offset + length` (a chunk) that
/// `ParallelChunks.allSatisfy` splits across threads.
public protocol ChunkCheck {
    func holds(offset: Int, length: Int) -> Bool
}

extension ParallelChunks {
    /// Whether `check` holds for every chunk of `0..<count`, the chunks split across threads
    /// exactly as `run` splits a pass (two of them without allocating).
    public static func allSatisfy<Check: ChunkCheck>(_ check: Check, count: Int, threads: Int) -> Bool {
        let (chunks, length) = chunking(count: count, threads: threads)
        if chunks <= 1 { return check.holds(offset: 0, length: count) }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: chunks) { holds in
            holds.initialize(repeating: true)
            run(Recording(check: check, holds: holds.baseAddress!, chunkLength: length), count: count, threads: threads)
            return holds.allSatisfy { $0 }
        }
    }
}

/// A check as a pass: each chunk's answer goes to its slot of `holds`.
private struct Recording<Check: ChunkCheck>: ChunkedPass {
    let check: Check
    let holds: UnsafeMutablePointer<Bool>
    let chunkLength: Int
    func run(offset: Int, length: Int) { holds[offset / chunkLength] = check.holds(offset: offset, length: length) }
}
