extension ParallelChunks {
    /// Whether `predicate(offset, length)` holds for every chunk of `0..<count`, the chunks split
    /// across threads exactly as `run` splits them (a read-only pass such as a finiteness check).
    public static func allSatisfy(count: Int, threads: Int, _ predicate: (Int, Int) -> Bool) -> Bool {
        // When `run` splits, every chunk is at least `parallelThreshold` long, so
        // `offset / parallelThreshold` gives each chunk its own slot: no two threads share one.
        let slots = count / parallelThreshold + 1
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: slots) { holds in
            holds.initialize(repeating: true)
            run(count: count, threads: threads) { offset, length in
                holds[offset / parallelThreshold] = predicate(offset, length)
            }
            return holds.allSatisfy { $0 }
        }
    }
}
