import TensorCore

/// Everything needed to resume a `BatchLoader` exactly where it stopped: saved in a checkpoint,
/// it makes the resumed run draw the same batches the uninterrupted run would have drawn.
///
/// The current epoch's permutation is not stored: it is rebuilt from `epochGenerator`, the
/// generator as it was just before it shuffled this epoch's rows.
public struct BatchLoaderState: Codable, Equatable, Sendable {
    public var sampling: BatchSampling
    /// The batch size in examples (already resolved for `.full`).
    public var batchSize: Int
    /// The number of rows of the dataset the state belongs to, checked on resume.
    public var rowCount: Int
    /// The generator as it is now.
    public var generator: SeededGenerator
    /// The generator before it drew the current epoch's permutation (`shuffle`, mid-epoch only).
    public var epochGenerator: SeededGenerator?
    /// Epochs completed.
    public var epoch: Int
    /// Batches already served in the current epoch.
    public var batchInEpoch: Int
    /// Batches served since the start.
    public var batchesServed: Int
}
