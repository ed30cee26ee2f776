import Datasets
import Parallelism
import Optimizers
import TensorCore

/// `descent bench mlp`: training steps per second of the source text's optimizer comparison
/// (a 784-100-100-100-100-10 ReLU MLP, He initialisation, batches of 128 drawn with
/// replacement from Fashion-MNIST), as ../shared/anchors/torch_mlp.py times PyTorch on the
/// same workload.
///
/// What is timed is `Trainer.trainStep()`, the step `descent train` runs: the batch copied in,
/// forward pass, loss, backward pass, the non-finite checks and the optimizer's update, from
/// the first step on (as the PyTorch script times its loop), set up as `TrainingRun` runs it
/// (`TrainingRun.withTrainingSetup`: threads, subnormals flushed). Each round trains a fresh model from the same seed, so every
/// round computes the same losses; the rate is reported per round (median and best).
public enum MLPBenchmark {
    /// The benchmarked optimizers and their settings: torch_mlp.py's.
    public static let optimizers: [(name: String, spec: String)] = [
        ("sgd", "sgd(lr=0.01)"), ("momentum", "momentum(lr=0.01, momentum=0.9)"), ("adagrad", "adagrad(lr=0.01)"),
        ("adam", "adam(lr=0.001)"), ("rmsprop", "rmsprop(lr=0.01)"),
    ]
    /// The names `measure` accepts.
    public static var names: [String] { optimizers.map(\.name) }
    /// The network: four hidden ReLU layers of 100 (input and output sizes come from the data).
    public static let model = "mlp:100,100,100,100"
    public static let batchSize = 128
    /// Batch losses averaged into `finalLoss` (torch_mlp.py's `last100_loss`).
    public static let finalLossWindow = 100

    /// What to run.
    public struct Settings: Sendable {
        public var iterations: Int
        /// Threads for the matrix products and the optimizer (`TrainingRun.withTrainingSetup`).
        public var threads: Int
        /// Fresh trainings per optimizer, timed one after another.
        public var rounds: Int
        /// The seed of the initial weights and the batches.
        public var seed: UInt64
        /// Whether to measure the test-set accuracy after training (not timed).
        public var evaluateTestSet: Bool

        public init(iterations: Int = 2000, threads: Int = 2, rounds: Int = 1, seed: UInt64 = 0, evaluateTestSet: Bool = true) {
            self.iterations = iterations
            self.threads = threads
            self.rounds = rounds
            self.seed = seed
            self.evaluateTestSet = evaluateTestSet
        }

        func validate() throws {
            try BenchmarkError.check(atLeast: 1, ["iterations": iterations, "threads": threads, "rounds": rounds])
        }
    }

    /// The configuration `descent train` would use for optimizer `spec` on this workload.
    public static func configuration(spec: String, iterations: Int, seed: UInt64) throws -> TrainingConfiguration {
        TrainingConfiguration(model: try ModelSpec(parsing: model), optimizer: try OptimizerConfig(parsing: spec),
                              batchSize: .examples(batchSize), sampling: .replacement, seed: seed,
                              length: .iterations(iterations))
    }

    /// Trains optimizer `name` `settings.rounds` times on `data` and reports the rates and the
    /// losses. `allocationCount`, when given (e.g. an LD_PRELOAD malloc counter), is read after
    /// the first step and after the last, to report the allocations of the steady state.
    public static func measure(optimizer name: String, data: DataSplit, settings: Settings,
                               allocationCount: (() -> Int)? = nil) throws -> Record {
        let spec = try BenchmarkError.spec(of: name, in: optimizers)
        try settings.validate()
        var record = Record(optimizer: name, spec: spec, iterations: settings.iterations, threads: settings.threads)
        for _ in 0..<settings.rounds {
            let round = try trainOnce(spec: spec, data: data, settings: settings, allocationCount: allocationCount)
            record.add(round)
        }
        return record
    }

    /// One fresh training, timed step by step from the first.
    static func trainOnce(spec: String, data: DataSplit, settings: Settings,
                          allocationCount: (() -> Int)?) throws -> Record.Round {
        let configuration = try configuration(spec: spec, iterations: settings.iterations, seed: settings.seed)
        let trainer = try Trainer(configuration: configuration, dataset: data.train)
        trainer.optimizer.threads = settings.threads
        var losses = [Float]()
        losses.reserveCapacity(settings.iterations)
        let handOffsBefore = HelperThread.shared.posted, helperBefore = HelperThread.shared.completed
        var allocationsAfterFirst: Int?
        var divergedAt: Int?
        let seconds = try TrainingRun.withTrainingSetup(threads: settings.threads) {
            try Stopwatch.seconds {
                do {
                    while trainer.step < settings.iterations {
                        losses.append(try trainer.trainStep().loss)
                        if trainer.step == 1 { allocationsAfterFirst = allocationCount?() }
                    }
                } catch let TrainingError.diverged(step, _, _, _) {
                    divergedAt = step
                }
            }
        }
        let allocations = allocationsAfterFirst.flatMap { first in allocationCount.map { $0() - first } }
        let handOffs = HelperThread.shared.posted - handOffsBefore, helperParts = HelperThread.shared.completed - helperBefore
        let accuracy = settings.evaluateTestSet && divergedAt == nil ? try data.test.map { try trainer.evaluate($0).accuracy } ?? nil : nil
        return Record.Round(seconds: seconds, steps: trainer.step, losses: losses, divergedAt: divergedAt,
                                     testAccuracy: accuracy, allocationsAfterFirstStep: allocations,
                                     handOffs: handOffs, helperParts: helperParts)
    }
}
