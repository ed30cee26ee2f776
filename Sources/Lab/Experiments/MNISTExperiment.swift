import Datasets
import Foundation
import NN
import Optimizers
import Plot

/// "Deep learning from scratch" ch. 6 (optimizer_compare_mnist.py): SGD, Momentum, AdaGrad,
/// Adam and RMSprop with the book's rates train a 784-100-100-100-100-10 ReLU MLP (He
/// initialisation) for 2000 iterations of 128 images drawn with replacement, every optimizer
/// from the same initial weights on the same batches (NN's `Comparison`). On MNIST when it is
/// installed, else on Fashion-MNIST.
///
/// The book's AdaGrad and RMSprop divide by √h + 1e-7, hence `eps=1e-7`; its RMSprop decay 0.99
/// is torch's default `alpha`. The book prints the batch loss every 100 iterations
/// (`===========iteration:100===========`, then `SGD:0.53…`); ours is the loss of the batch
/// of iteration i before its update (PyTorch's `loss.item()`).
public struct MNISTExperiment: LabExperiment {
    public let name = "mnist"
    public let title = "Five optimizers on a 5-layer MLP (deep learning from scratch, ch. 6)"
    public let summary = """
        A 784-100-100-100-100-10 ReLU network trained for 2000 iterations of 128 images with the \
        book's optimizers, each from the same weights on the same batches. Plain SGD learns \
        slowest; Momentum, AdaGrad and Adam fall faster. RMSprop at the book's rate 0.01 takes \
        far too large first steps (its average of squared gradients starts at zero) and recovers.
        """

    /// The book's optimizers: its name and our spec.
    public static let optimizers: [(name: String, spec: String)] = [
        ("SGD", "sgd(lr=0.01)"),
        ("Momentum", "momentum(lr=0.01)"),
        ("AdaGrad", "adagrad(lr=0.01, eps=1e-7)"),
        ("Adam", "adam(lr=0.001)"),
        ("RMSprop", "rmsprop(lr=0.01, eps=1e-7)"),
    ]
    /// The book's `MultiLayerNet(784, [100, 100, 100, 100], 10)` with He initialisation.
    public static let model = "mlp:100,100,100,100"
    public static let batchSize = 128
    /// The book's `max_iterations`.
    public static let iterations = 2000
    /// Iterations between the printed losses.
    public static let printEvery = 100
    public static let seed: UInt64 = 0

    public init() {}

    /// The shared settings of the five runs, `iterations` long.
    public static func configuration(iterations: Int) throws -> TrainingConfiguration {
        TrainingConfiguration(model: try ModelSpec(parsing: model), optimizer: try OptimizerConfig(parsing: optimizers[0].spec),
                              batchSize: .examples(batchSize), sampling: .replacement, seed: seed,
                              length: .iterations(iterations))
    }

    public func run(_ context: LabContext) throws -> LabReport {
        let data = LabData.limited(try LabData.mnist(context), to: context.examples)
        let iterations = context.steps(Self.iterations)
        let configs = try Self.optimizers.map { try OptimizerConfig(parsing: $0.spec) }
        let options = TrainingRun.Options(progress: .lines, progressOutput: { text in
            context.progress(text.trimmingCharacters(in: .newlines))
        })
        context.progress("mnist: \(data.description)")
        let comparison = try Comparison.run(base: try Self.configuration(iterations: iterations), optimizers: configs,
                                            data: data, options: options) { config in
            context.progress("mnist: training \(config.displayLabel)")
        }
        let names = Self.optimizers.map(\.name)
        var report = LabReport(lines: Self.bookLines(names: names, losses: comparison.entries.map(\.losses),
                                                     accuracies: comparison.entries.map(Self.testAccuracy)))
        report.figures = try Self.figures(comparison, names: names, iterations: iterations)
        report.tables.append(Self.table(comparison, names: names))
        report.numbers = Self.numbers(comparison, names: names, data: data, iterations: iterations)
        return report
    }

    /// The book's progress lines (every `printEvery` iterations, each optimizer's batch loss as
    /// the float prints, or `diverged` once its run has stopped), then each optimizer's test
    /// accuracy in the same style.
    static func bookLines(names: [String], losses: [[Float]], accuracies: [Double?]) -> [String] {
        var lines: [String] = []
        let length = losses.map(\.count).max() ?? 0
        for i in stride(from: 0, to: length, by: printEvery) {
            lines.append("===========iteration:\(i)===========")
            for (name, run) in zip(names, losses) {
                lines.append(name + ":" + (i < run.count ? "\(run[i])" : "diverged"))
            }
        }
        lines.append("===========test accuracy===========")
        for (name, accuracy) in zip(names, accuracies) {
            lines.append(name + ":" + (accuracy.map { LabFormat.fixed($0, decimals: 4) } ?? "diverged"))
        }
        return lines
    }

    static func testAccuracy(_ entry: Comparison.Entry) -> Double? { entry.summary?.test?.accuracy }

    /// The step at which the run diverged, or nil.
    static func divergedStep(_ entry: Comparison.Entry) -> Int? {
        if case let .diverged(step, _, _, _)? = entry.divergence { return step }
        return nil
    }

    /// The last value of `smooth_curve` of the batch losses.
    static func finalSmoothedLoss(_ entry: Comparison.Entry) -> Double {
        Smoothing.smoothCurve(entry.losses.map(Double.init)).last ?? .nan
    }

    static func table(_ comparison: Comparison, names: [String]) -> LabTable {
        LabTable(title: "After \(comparison.entries.map(\.losses.count).max() ?? 0) iterations on \(comparison.dataset)",
                 columns: ["optimizer", "spec", "smoothed loss", "test loss", "test accuracy", "steps/s"],
                 rows: zip(names, comparison.entries).map { name, entry in
                     let test = entry.summary?.test
                     return [name, TrainingConfiguration.spec(of: entry.optimizer),
                             LabFormat.fixed(finalSmoothedLoss(entry), decimals: 4),
                             test.map { LabFormat.fixed(Double($0.loss), decimals: 4) } ?? "–",
                             test?.accuracy.map { LabFormat.fixed($0 * 100, decimals: 2) + " %" } ?? "–",
                             entry.summary.map { LabFormat.fixed($0.stepsPerSecond, decimals: 0) } ?? "diverged"]
                 })
    }

    static func numbers(_ comparison: Comparison, names: [String], data: DataSplit, iterations: Int) -> [(String, JSONValue)] {
        let runs: [JSONValue] = zip(names, comparison.entries).map { name, entry in
            let s = entry.summary
            return .object([
                ("name", .string(name)), ("optimizer", .string(TrainingConfiguration.spec(of: entry.optimizer))),
                ("final_smoothed_loss", .number(finalSmoothedLoss(entry))),
                ("test_accuracy", s?.test?.accuracy.map(JSONValue.number) ?? .null),
                ("test_loss", s?.test.map { TrainingLog.number($0.loss) } ?? .null),
                ("final_train_loss", s.map { TrainingLog.number($0.finalTrainLoss) } ?? .null),
                ("steps_per_second", s.map { .number($0.stepsPerSecond) } ?? .null),
                ("seconds", s.map { .number($0.seconds) } ?? .null),
                ("diverged_at", divergedStep(entry).map(JSONValue.int) ?? .null),
                ("losses", .array(entry.losses.map(TrainingLog.number))),
            ])
        }
        return [
            ("dataset", .string(data.name)), ("dataset_description", .string(data.description)),
            ("model", .string(comparison.base.model)), ("batch_size", .int(batchSize)),
            ("sampling", .string(comparison.base.sampling.rawValue)), ("iterations", .int(iterations)),
            ("seed", .int(Int(seed))), ("runs", .array(runs)),
        ]
    }
}
