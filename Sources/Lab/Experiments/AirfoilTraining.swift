import Datasets
import Dispatch
import NN
import Optimizers

/// d2l's `train_ch7` (`train_ch11` in later editions) on the airfoil data: linear regression
/// ŷ = Xw + b from w ~ N(0, 0.01²), b = 0, squared loss (ŷ − y)²/2, mini-batches of 10 drawn
/// from a fresh shuffle each epoch, 2 epochs; the loss over the whole set before training and
/// after every 100 examples, and the seconds per epoch of the training steps (evaluations not
/// counted).
///
/// Every run uses the same seed, so all optimizers start from the same weights and see the same
/// batches; only the update rule differs.
public enum AirfoilTraining {
    /// One optimizer's run.
    public struct Run: Sendable {
        public var optimizer: OptimizerConfig
        /// The mean loss over every example at each point of `epochs`.
        public var losses: [Double]
        /// Where each loss was measured, in epochs (0, 1/15, 2/15, … 2).
        public var epochs: [Double]
        /// Wall time of the training steps divided by the epochs trained.
        public var secondsPerEpoch: Double
        /// The step that diverged (its loss, gradient or weights became NaN or infinite), or nil.
        public var divergedAt: Int?

        /// The legend label, e.g. `Momentum(lr=0.02, momentum=0.5)`.
        public var label: String { optimizer.displayLabel }
        /// The last loss measured.
        public var finalLoss: Double { losses.last ?? .nan }
        /// What d2l prints after training: `loss: 0.243, 0.012 sec/epoch`.
        public var bookLine: String {
            let loss = "loss: " + LabFormat.fixed(finalLoss, decimals: 3)
            let time = LabFormat.fixed(secondsPerEpoch, decimals: 3) + " sec/epoch"
            guard let divergedAt else { return loss + ", " + time }
            return loss + " (diverged at step \(divergedAt)), " + time
        }
    }

    /// d2l's mini-batch size.
    public static let batchSize = 10
    /// d2l's `num_epochs`.
    public static let epochs = 2
    /// Examples between two evaluations of the whole set.
    public static let examplesPerPoint = 100
    /// d2l's model and initialisation.
    public static let model = "linear,init=normal(0.01)"
    /// The seed of the initial weights and of the shuffles.
    public static let seed: UInt64 = 0

    /// Trains `optimizer` on `data` for `epochs` epochs, or `maxSteps` steps when that is fewer.
    /// A divergence ends the run at the last good loss; other errors are thrown.
    public static func run(_ optimizer: OptimizerConfig, on data: Dataset, maxSteps: Int? = nil) throws -> Run {
        let configuration = TrainingConfiguration(
            model: try ModelSpec(parsing: model), optimizer: optimizer, batchSize: .examples(batchSize),
            sampling: .shuffle, seed: seed, length: .epochs(epochs))
        let trainer = try Trainer(configuration: configuration, dataset: data)
        let perEpoch = trainer.loader.batchesPerEpoch
        let total = min(configuration.length.steps(batchesPerEpoch: perEpoch), maxSteps ?? .max)
        let every = max(1, examplesPerPoint / batchSize)
        var losses = [decimal(try trainer.evaluate(data).loss)]
        var points = [0.0]
        var nanoseconds: UInt64 = 0
        var divergedAt: Int?
        while trainer.step < total {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try trainer.trainStep()
            } catch let TrainingError.diverged(step, _, _, _) {
                divergedAt = step
                break
            }
            nanoseconds += DispatchTime.now().uptimeNanoseconds - start
            if trainer.step % every == 0 || trainer.step == total {
                losses.append(decimal(try trainer.evaluate(data).loss))
                points.append(Double(trainer.step) / Double(perEpoch))
            }
        }
        let epochsTrained = max(Double(trainer.step) / Double(perEpoch), 1e-9)
        return Run(optimizer: optimizer, losses: losses, epochs: points,
                   secondsPerEpoch: Double(nanoseconds) / 1e9 / epochsTrained, divergedAt: divergedAt)
    }

    /// A float32 loss as the double its shortest decimal text names (0.1f → 0.1, not
    /// 0.10000000149011612), so printed and saved numbers read as the float prints.
    static func decimal(_ x: Float) -> Double {
        x.isFinite ? Double("\(x)") ?? Double(x) : Double(x)
    }

    /// The run as JSON: its spec, label, losses and where they were measured, the final loss,
    /// the seconds per epoch and where it diverged (null when it did not).
    public static func json(_ run: Run, leading: [(String, JSONValue)] = []) -> JSONValue {
        .object(leading + [
            ("optimizer", .string(TrainingConfiguration.spec(of: run.optimizer))),
            ("label", .string(run.label)),
            ("epochs", .array(run.epochs.map(JSONValue.number))),
            ("losses", .array(run.losses.map(JSONValue.number))),
            ("final_loss", .number(run.finalLoss)),
            ("seconds_per_epoch", .number(run.secondsPerEpoch)),
            ("diverged_at", run.divergedAt.map(JSONValue.int) ?? .null),
        ])
    }
}
