import Datasets
import Optimizers
import TensorCore

/// `descent bench airfoil`: seconds per epoch of d2l's linear regression on the airfoil data
/// (`train_ch11`: ŷ = Xw + b from w ~ N(0, 0.01²), squared loss / 2, batches of 10 from a fresh
/// shuffle each epoch, 2 epochs), with d2l's learning rates.
///
/// The 150 steps of an epoch are tiny (a 10×5 product), so this measures the fixed cost of a
/// training step: batch copy, tape, optimizer driver, checks. What is timed is
/// `Trainer.trainStep()` from the first step; the loss over the whole set afterwards is not.
public enum AirfoilBenchmark {
    /// The optimizers of d2l's chapter on optimization, at the book's settings.
    public static let optimizers: [(name: String, spec: String)] = [
        ("sgd", "sgd(lr=0.05)"), ("momentum", "momentum(lr=0.02, momentum=0.5)"), ("adagrad", "adagrad(lr=0.1)"),
        ("rmsprop", "rmsprop(lr=0.01, alpha=0.9)"), ("adadelta", "adadelta(rho=0.9)"), ("adam", "adam(lr=0.01)"),
    ]
    /// The names `measure` accepts.
    public static var names: [String] { optimizers.map(\.name) }
    public static let model = "linear,init=normal(0.01)"
    public static let batchSize = 10

    /// One optimizer's figures.
    public struct Record: Sendable {
        public var optimizer: String
        public var spec: String
        public var epochs: Int
        /// Steps per epoch (⌈examples / 10⌉).
        public var stepsPerEpoch: Int
        /// Each round's wall time of the training steps divided by the epochs.
        public var secondsPerEpochByRound: [Double]
        /// The mean loss over the whole set after the first round.
        public var finalLoss: Float

        /// The median over the rounds.
        public var secondsPerEpoch: Double { Stopwatch.median(of: secondsPerEpochByRound) }
        /// The fastest round.
        public var bestSecondsPerEpoch: Double { secondsPerEpochByRound.min() ?? 0 }

        /// The JSON record `descent bench airfoil` prints.
        public var json: JSONValue {
            .object([
                ("optimizer", .string(optimizer)), ("spec", .string(spec)), ("epochs", .int(epochs)),
                ("steps_per_epoch", .int(stepsPerEpoch)), ("seconds_per_epoch", .number(roundedForReport(secondsPerEpoch, 7))),
                ("best_seconds_per_epoch", .number(roundedForReport(bestSecondsPerEpoch, 7))),
                ("steps_per_second", .number(roundedForReport(Double(stepsPerEpoch) / secondsPerEpoch, 1))),
                ("rounds", .int(secondsPerEpochByRound.count)), ("final_loss", .number(roundedForReport(Double(finalLoss), 4))),
            ])
        }
    }

    /// Trains optimizer `name` on `data` for `epochs` epochs, `rounds` times from the same seed.
    public static func measure(optimizer name: String, data: Dataset, epochs: Int = 2, rounds: Int = 1,
                               seed: UInt64 = 0) throws -> Record {
        let spec = try BenchmarkError.spec(of: name, in: optimizers)
        try BenchmarkError.check(atLeast: 1, ["epochs": epochs, "rounds": rounds])
        let configuration = TrainingConfiguration(
            model: try ModelSpec(parsing: model), optimizer: try OptimizerConfig(parsing: spec),
            batchSize: .examples(batchSize), sampling: .shuffle, seed: seed, length: .epochs(epochs))
        var times: [Double] = []
        var finalLoss: Float = .nan
        var stepsPerEpoch = 0
        for round in 0..<rounds {
            let trainer = try Trainer(configuration: configuration, dataset: data)
            trainer.optimizer.threads = 1
            stepsPerEpoch = trainer.loader.batchesPerEpoch
            let total = configuration.length.steps(batchesPerEpoch: stepsPerEpoch)
            let seconds = try TrainingRun.withTrainingSetup(threads: 1) {
                try Stopwatch.seconds { while trainer.step < total { try trainer.trainStep() } }
            }
            times.append(seconds / Double(epochs))
            if round == 0 { finalLoss = try trainer.evaluate(data).loss }
        }
        return Record(optimizer: name, spec: spec, epochs: epochs, stepsPerEpoch: stepsPerEpoch,
                      secondsPerEpochByRound: times, finalLoss: finalLoss)
    }
}
