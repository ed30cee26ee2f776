/// How a `BatchLoader` picks the examples of each batch.
public enum BatchSampling: String, Codable, Sendable, CaseIterable {
    /// Each epoch a fresh Fisher–Yates permutation of all rows (from the seeded generator),
    /// cut into batches in order; the last, partial batch is kept (d2l's `data_iter`).
    case shuffle
    /// Each batch draws its indices uniformly with replacement, like numpy's
    /// `np.random.choice(train_size, batch_size)` in "Deep Learning from Scratch".
    /// An epoch is `max(count / batchSize, 1)` batches (that book's `iter_per_epoch`).
    case replacement
    /// Rows in file order every epoch, no randomness; the last, partial batch is kept.
    case sequential
}

/// How many examples a batch holds.
public enum BatchSize: Equatable, Codable, Sendable {
    /// At most this many examples (fewer in the last batch of an epoch).
    case examples(Int)
    /// The whole dataset in every batch (full-batch gradient descent).
    case full
}

/// Where a batch sits in the run, as reported by `BatchLoader` with each batch.
public struct Batch: Equatable, Sendable {
    /// The number of examples actually in the batch.
    public let size: Int
    /// The epoch the batch belongs to, counting from 0.
    public let epoch: Int
    /// The batch's place in its epoch, counting from 0.
    public let indexInEpoch: Int
    /// Whether this is the epoch's last batch.
    public let endsEpoch: Bool

    public init(size: Int, epoch: Int, indexInEpoch: Int, endsEpoch: Bool) {
        self.size = size
        self.epoch = epoch
        self.indexInEpoch = indexInEpoch
        self.endsEpoch = endsEpoch
    }
}
