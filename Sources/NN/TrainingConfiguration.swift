import Datasets
import Optimizers

/// How long a run trains: a number of optimizer steps, or of passes over the training set.
public enum TrainingLength: Equatable, Codable, Sendable, CustomStringConvertible {
    /// This many optimizer steps (mini-batches).
    case iterations(Int)
    /// This many epochs, each `BatchLoader.batchesPerEpoch` steps.
    case epochs(Int)

    /// The number of optimizer steps for a loader serving `batchesPerEpoch` batches per epoch.
    public func steps(batchesPerEpoch: Int) -> Int {
        switch self {
        case .iterations(let n): return n
        case .epochs(let n): return n * batchesPerEpoch
        }
    }

    public var description: String {
        switch self {
        case .iterations(let n): return "\(n) iterations"
        case .epochs(let n): return "\(n) epochs"
        }
    }
}

/// Everything that decides a training run's numbers: the model, the optimizer and its schedule,
/// how batches are drawn, the seed and the length. Saved in every checkpoint, so that a resume
/// can refuse to continue a run with different settings (which would not repeat its numbers).
///
/// One seed drives the run: the model's initial weights are drawn from `SeededGenerator(seed)`
/// and the batch loader shuffles with `SeededGenerator(seed + 1)` (`loaderSeed`), so runs that
/// share a seed start from the same weights and see the same batches whatever the optimizer.
public struct TrainingConfiguration: Codable, Equatable, Sendable {
    /// The model string, canonical (`ModelSpec.description`).
    public var model: String
    /// The optimizer and its hyper-parameters as given (before any schedule changes them).
    public var optimizer: OptimizerConfig
    /// The learning-rate schedule, canonical (`ScheduleConfig.description`); it advances once per step.
    public var schedule: String?
    /// Examples per batch, or the whole training set.
    public var batchSize: BatchSize
    /// Shuffled epochs, draws with replacement, or file order.
    public var sampling: BatchSampling
    /// The seed of the initial weights (and, plus one, of the batch order).
    public var seed: UInt64
    /// Iterations or epochs; may grow when a run is resumed.
    public var length: TrainingLength
    /// Steps between evaluations of the test set (nil: only at the end). Does not change the
    /// training numbers.
    public var evaluateEvery: Int?

    public init(model: ModelSpec, optimizer: OptimizerConfig, schedule: ScheduleConfig? = nil,
                batchSize: BatchSize = .examples(128), sampling: BatchSampling = .shuffle, seed: UInt64 = 0,
                length: TrainingLength, evaluateEvery: Int? = nil) {
        self.model = model.description
        self.optimizer = optimizer
        self.schedule = schedule?.description
        self.batchSize = batchSize
        self.sampling = sampling
        self.seed = seed
        self.length = length
        self.evaluateEvery = evaluateEvery
    }

    /// The parsed model string.
    public func modelSpec() throws -> ModelSpec { try ModelSpec(parsing: model) }

    /// The parsed schedule, or nil without one.
    public func scheduleConfig() throws -> ScheduleConfig? { try schedule.map { try ScheduleConfig(parsing: $0) } }

    /// The optimizer as a spec string that always states the learning rate, then every other
    /// argument that differs from its default: `adam(lr=0.001)`, `sgd(lr=0.1, momentum=0.9)`.
    public var optimizerSpec: String { Self.spec(of: optimizer) }

    /// `adam(lr=0.001)` for `optimizer`, or with `displayName` `Adam(lr=0.001)` (for legends).
    public static func spec(of optimizer: OptimizerConfig, displayName: Bool = false) -> String {
        let h = optimizer.hyperparameters
        let others = h.nonDefaultArguments(for: optimizer.kind).filter { $0.0 != "lr" }
        let arguments = [("lr", HyperValue.number(h.learningRate))] + others
        let name = displayName ? optimizer.kind.displayName : optimizer.kind.rawValue
        return name + "(" + arguments.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + ")"
    }

    /// The seed of the batch loader's generator.
    public var loaderSeed: UInt64 { seed &+ 1 }

    /// The settings in which `other` differs from this configuration in a way that changes the
    /// training numbers (everything but the length and the evaluation interval), as
    /// `(setting, this value, other value)`; empty when a checkpoint of `other` may be resumed here.
    public func numericDifferences(from other: TrainingConfiguration) -> [(String, String, String)] {
        var found: [(String, String, String)] = []
        func check(_ name: String, _ mine: String, _ theirs: String) {
            if mine != theirs { found.append((name, mine, theirs)) }
        }
        check("model", model, other.model)
        check("optimizer", optimizer.kind.rawValue, other.optimizer.kind.rawValue)
        if optimizer.kind == other.optimizer.kind && optimizer.hyperparameters != other.optimizer.hyperparameters {
            found.append(("optimizer", optimizerSpec, other.optimizerSpec))
        }
        check("schedule", schedule ?? "none", other.schedule ?? "none")
        check("batch size", Self.describe(batchSize), Self.describe(other.batchSize))
        check("sampling", sampling.rawValue, other.sampling.rawValue)
        check("seed", "\(seed)", "\(other.seed)")
        return found
    }

    /// `128` or `full`.
    public static func describe(_ size: BatchSize) -> String {
        switch size {
        case .examples(let n): return "\(n)"
        case .full: return "full"
        }
    }
}
