import TensorCore

/// Cuts a dataset into mini-batches, reproducibly from a seed, without allocating per batch:
/// the caller provides the buffers and the loader fills them with the chosen rows.
///
/// Its `state` is `Codable`; a loader rebuilt from a saved state with `init(dataset:resuming:)`
/// serves the same batches, in the same order, as the loader it was saved from.
public struct BatchLoader: Sendable {
    public let dataset: Dataset
    public let sampling: BatchSampling
    /// Examples per batch (the last batch of a `shuffle` or `sequential` epoch may hold fewer).
    public let batchSize: Int
    /// Where the loader stands: save it to resume later.
    public private(set) var state: BatchLoaderState
    /// The current epoch's order of rows (`shuffle`; empty otherwise).
    private var order: [Int]
    /// The indices of the batch being filled, reused for every batch.
    var scratchIndices: [Int]

    /// A loader at the start of epoch 0, its generator seeded with `seed`.
    public init(dataset: Dataset, batchSize: BatchSize, sampling: BatchSampling, seed: UInt64) throws {
        guard dataset.count > 0 else {
            throw DatasetError.invalidArgument(name: "dataset \(dataset.name)", value: "empty", allowed: "at least one example")
        }
        let size: Int
        switch batchSize {
        case .full: size = dataset.count
        case .examples(let n):
            guard n >= 1 else { throw DatasetError.invalidArgument(name: "batch size", value: "\(n)", allowed: "at least 1") }
            size = n
        }
        let state = BatchLoaderState(sampling: sampling, batchSize: size, rowCount: dataset.count,
                                     generator: SeededGenerator(seed: seed), epochGenerator: nil,
                                     epoch: 0, batchInEpoch: 0, batchesServed: 0)
        try self.init(dataset: dataset, resuming: state)
    }

    /// A loader that continues from a saved `state`, which must belong to a dataset of the same size.
    public init(dataset: Dataset, resuming state: BatchLoaderState) throws {
        guard state.rowCount == dataset.count else {
            throw DatasetError.loaderStateMismatch(reason: "the state is for \(state.rowCount) rows, dataset \(dataset.name) has \(dataset.count)")
        }
        guard state.batchSize >= 1, state.epoch >= 0, state.batchesServed >= 0 else {
            throw DatasetError.loaderStateMismatch(reason: "batch size \(state.batchSize), epoch \(state.epoch), batches served \(state.batchesServed): the batch size must be at least 1, the counts not negative")
        }
        self.dataset = dataset
        self.sampling = state.sampling
        self.batchSize = state.batchSize
        self.state = state
        self.order = []
        self.scratchIndices = [Int](repeating: 0, count: state.batchSize)
        guard (0..<batchesPerEpoch).contains(state.batchInEpoch) else {
            throw DatasetError.loaderStateMismatch(reason: "batch \(state.batchInEpoch) of an epoch of \(batchesPerEpoch) batches")
        }
        if sampling == .shuffle {
            order = Array(0..<dataset.count)
            if state.batchInEpoch > 0 { try rebuildPermutation() }
        }
    }

    /// Batches per epoch: ⌈count / batchSize⌉ (`shuffle`, `sequential`), max(⌊count / batchSize⌋, 1) (`replacement`).
    public var batchesPerEpoch: Int {
        let n = dataset.count
        return sampling == .replacement ? max(n / batchSize, 1) : (n + batchSize - 1) / batchSize
    }

    /// Writes the row indices of the next batch into `indices` (at least `batchSize` long) and
    /// advances; returns the batch's size and place.
    public mutating func nextIndices(into indices: UnsafeMutableBufferPointer<Int>) -> Batch {
        precondition(indices.count >= batchSize, "index buffer holds \(indices.count), the batch size is \(batchSize)")
        let n = dataset.count
        let start = state.batchInEpoch * batchSize
        var size = batchSize
        switch sampling {
        case .sequential:
            size = min(batchSize, n - start)
            for i in 0..<size { indices[i] = start + i }
        case .shuffle:
            if state.batchInEpoch == 0 { drawPermutation() }
            size = min(batchSize, n - start)
            for i in 0..<size { indices[i] = order[start + i] }
        case .replacement:
            for i in 0..<size { indices[i] = state.generator.int(below: n) }
        }
        let batch = Batch(size: size, epoch: state.epoch, indexInEpoch: state.batchInEpoch,
                          endsEpoch: state.batchInEpoch + 1 == batchesPerEpoch)
        state.batchesServed += 1
        state.batchInEpoch += 1
        if batch.endsEpoch {
            state.epoch += 1
            state.batchInEpoch = 0
            state.epochGenerator = nil
        }
        return batch
    }

    /// Draws this epoch's permutation of the rows, remembering the generator it started from.
    private mutating func drawPermutation() {
        state.epochGenerator = state.generator
        for i in order.indices { order[i] = i }
        state.generator.shuffle(&order)
    }

    /// Recreates the current epoch's permutation after a resume and checks it against the state.
    private mutating func rebuildPermutation() throws {
        guard var generator = state.epochGenerator else {
            throw DatasetError.loaderStateMismatch(reason: "a shuffle state in the middle of an epoch needs the generator that drew the epoch's permutation")
        }
        generator.shuffle(&order)
        guard generator == state.generator else {
            throw DatasetError.loaderStateMismatch(reason: "the saved generators disagree (the state was changed or belongs to another loader)")
        }
    }
}
