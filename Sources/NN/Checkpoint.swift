import Datasets
import Optimizers

/// Which dataset a checkpoint was trained on, enough to refuse another one.
public struct DatasetFingerprint: Codable, Equatable, Sendable {
    public var name: String
    public var rows: Int
    public var features: Int
    /// The number of classes, nil for regression.
    public var classes: Int?

    public init(_ dataset: Dataset) {
        name = dataset.name
        rows = dataset.count
        features = dataset.featureCount
        classes = dataset.classCount
    }
}

/// A training run frozen after `step` steps: everything needed to continue it with exactly the
/// numbers an uninterrupted run would have produced — the weights, the optimizer's state dict,
/// the schedule's epoch, the batch loader's state (its generator and place in the epoch) — and
/// the configuration and dataset it belongs to, so that another run's checkpoint is refused.
///
/// `CheckpointFile` writes it to disk (atomically) and reads it back.
public struct Checkpoint: Equatable {
    public var configuration: TrainingConfiguration
    public var dataset: DatasetFingerprint
    /// Steps completed.
    public var step: Int
    /// The last step's batch loss.
    public var lastLoss: Float?
    /// Each parameter's name and shape, in the model's order.
    public var parameterNames: [String]
    public var parameterShapes: [[Int]]
    /// Each parameter's values, flat and row-major.
    public var weights: [[Float]]
    public var optimizerState: OptimizerStateDict<Float>
    /// Scheduler steps taken, nil for a run without a schedule.
    public var schedulerEpoch: Int?
    public var loaderState: BatchLoaderState

    public init(configuration: TrainingConfiguration, dataset: DatasetFingerprint, step: Int, lastLoss: Float?,
                parameterNames: [String], parameterShapes: [[Int]], weights: [[Float]],
                optimizerState: OptimizerStateDict<Float>, schedulerEpoch: Int?, loaderState: BatchLoaderState) {
        self.configuration = configuration
        self.dataset = dataset
        self.step = step
        self.lastLoss = lastLoss
        self.parameterNames = parameterNames
        self.parameterShapes = parameterShapes
        self.weights = weights
        self.optimizerState = optimizerState
        self.schedulerEpoch = schedulerEpoch
        self.loaderState = loaderState
    }
}
