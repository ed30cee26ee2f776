import ArgumentParser
import Datasets
import Foundation
import NN
import Optimizers

/// `descent train`: one model, one optimizer, one dataset; progress on standard error, a JSON
/// summary on standard output.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a model on a dataset with one optimizer and print a summary (JSON).",
        discussion: """
        Datasets: fashion-mnist (\(DatasetCatalog.fashionMNISTSystemFolder)), mnist (--data DIR), airfoil \
        (--data FILE, default ../shared/data/\(Airfoil.fileName) when it exists), a folder of IDX files, a CSV file.

        The schedule advances once per step. A run whose loss or weights become NaN or infinite stops \
        with the step and the optimizer named and exits 1, keeping its last good checkpoint.

        --resume FILE continues a run with exactly the numbers it would have had without the \
        interruption (the model, optimizer, schedule, batch size, sampling and seed must be the same).
        """)

    @OptionGroup var training: TrainingOptions
    @Option(help: "An optimizer spec such as 'adam(lr=0.001)' or 'sgd(lr=0.1, momentum=0.9)'.")
    var optimizer: String
    @Option(help: "Write one JSON line per logged step to this file (.jsonl).")
    var log: String?
    @Option(name: .customLong("log-every"), help: "Log every K steps (with --log).")
    var logEvery = 1
    @Option(help: "Write checkpoints to this file (at the end, and every --checkpoint-every steps).")
    var checkpoint: String?
    @Option(name: .customLong("checkpoint-every"), help: "Steps between checkpoints (with --checkpoint).")
    var checkpointEvery: Int?
    @Option(help: "Continue the run saved in this checkpoint, up to --iterations/--epochs.")
    var resume: String?
    @Option(help: "Summary format: json or text.")
    var format: SummaryFormat = .json

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case json, text }

    func validate() throws {
        try training.check()
        _ = try parsedOptimizer()
        if logEvery < 1 { throw ValidationError("--log-every must be an integer >= 1, got \(logEvery)") }
        if let every = checkpointEvery {
            if every < 1 { throw ValidationError("--checkpoint-every must be an integer >= 1, got \(every)") }
            if checkpoint == nil { throw ValidationError("--checkpoint-every needs --checkpoint FILE") }
        }
    }

    func parsedOptimizer() throws -> OptimizerConfig {
        do { return try OptimizerConfig(parsing: optimizer) } catch { throw ValidationError("--optimizer: \(error)") }
    }

    func run() throws {
        let configuration = try training.configuration(optimizer: parsedOptimizer())
        let data = try training.loadData()
        let options = TrainingRun.Options(checkpointPath: checkpoint, checkpointEvery: checkpointEvery, resumePath: resume,
                                          logPath: log, logEvery: logEvery, progress: .automatic, threads: training.threads)
        let summary = try Train.reportingFailures {
            let run = try TrainingRun(configuration: configuration, data: data, options: options)
            return try run.run()
        }
        switch format {
        case .json: print(summary.json.serialized)
        case .text: print(Train.text(summary))
        }
    }

    /// The summary as a few lines for people.
    static func text(_ s: TrainingSummary) -> String {
        var lines = ["\(s.dataset): \(s.model) with \(s.optimizer)\(s.schedule.map { ", schedule \($0)" } ?? "")",
                     "steps \(s.steps) (\(String(format: "%.2f", s.epochs)) epochs) in \(String(format: "%.1f", s.seconds)) s, "
                        + "\(String(format: "%.0f", s.stepsPerSecond)) steps/s",
                     "final training loss \(s.finalTrainLoss)"
                        + (s.finalTrainAccuracy.map { ", accuracy \(String(format: "%.4f", $0))" } ?? "")]
        if let test = s.test {
            lines.append("test loss \(test.loss)" + (test.accuracy.map { ", test accuracy \(String(format: "%.4f", $0))" } ?? ""))
        }
        if let log = s.log { lines.append("log: \(log)") }
        return lines.joined(separator: "\n")
    }
}

extension Train {
    /// Runs `body`, turning failures on data, checkpoints and divergence into `RunFailure`
    /// (exit 1), and an impossible setting into a `ValidationError` (exit 2).
    static func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TrainingError {
            if case let .invalidSetting(name, value, allowed) = error {
                throw ValidationError("\(name) is \(value); allowed: \(allowed)")
            }
            throw RunFailure(message: error.description)
        } catch let error as CheckpointError {
            throw RunFailure(message: error.description)
        } catch let error as DatasetError {
            throw RunFailure(message: error.description)
        } catch let error as ModelError {
            throw RunFailure(message: error.description)
        }
    }
}
