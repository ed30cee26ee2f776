extension ParallelChunks {
    /// Whether `predicate(offset, length)` holds for every chunk of `0..<count`, the chunks split
    /// across threads exactly as `run` splits them (a read-only pass such as a finiteness check).
    public static func allSatisfy(count: Int, threads: Int, _ predicate: (Int, Int) -> Bool) -> Bool {
        let (chunks, length) = chunking(count: count, threads: threads)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: chunks) { holds in
            holds.initialize(repeating: true)
            run(count: count, threads: threads) { offset, chunkLength in
                holds[offset / length] = predicate(offset, chunkLength)
            }
            return holds.allSatisfy { $0 }
        }
    }
}
