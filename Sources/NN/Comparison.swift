import Datasets
import Optimizers

/// Several optimizers trained on the same problem: each run starts from the same initial
/// weights and draws the same batches (same model, seed, batch size and sampling; only the
/// optimizer changes), so their per-step losses can be compared step by step.
///
/// A run that diverges does not stop the comparison: its losses end where it diverged, and the
/// entry keeps the divergence.
public struct Comparison {
    /// One optimizer's run.
    public struct Entry {
        public var optimizer: OptimizerConfig
        /// The batch loss of every step, in order (shorter than the others after a divergence).
        public var losses: [Float]
        /// The summary of a run that finished; nil after a divergence.
        public var summary: TrainingSummary?
        public var divergence: TrainingError?

        /// The legend label: `Adam(lr=0.001)`.
        public var label: String { TrainingConfiguration.spec(of: optimizer, displayName: true) }
    }

    /// The settings every run shares (its `optimizer` is the first one's).
    public var base: TrainingConfiguration
    public var dataset: String
    public var entries: [Entry]

    /// Trains `base` with each optimizer in turn on `data`. `options` apply to every run
    /// (checkpoints and logs are not part of a comparison); `progress(label)` is told which
    /// optimizer starts.
    public static func run(base: TrainingConfiguration, optimizers: [OptimizerConfig], data: DataSplit,
                           options: TrainingRun.Options = .init(), starting: (OptimizerConfig) -> Void = { _ in }) throws -> Comparison {
        var entries: [Entry] = []
        for optimizer in optimizers {
            var configuration = base
            configuration.optimizer = optimizer
            starting(optimizer)
            let run = try TrainingRun(configuration: configuration, data: data, options: options)
            run.progressLabel = TrainingConfiguration.spec(of: optimizer, displayName: true)
            var losses: [Float] = []
            losses.reserveCapacity(run.totalSteps)
            run.onStep = { losses.append($0.loss) }
            do {
                let summary = try run.run()
                entries.append(Entry(optimizer: optimizer, losses: losses, summary: summary, divergence: nil))
            } catch let error as TrainingError {
                guard case .diverged = error else { throw error }
                entries.append(Entry(optimizer: optimizer, losses: losses, summary: nil, divergence: error))
            }
        }
        return Comparison(base: base, dataset: data.name, entries: entries)
    }
}
