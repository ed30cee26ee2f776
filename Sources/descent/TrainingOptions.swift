import ArgumentParser
import Datasets
import Foundation
import NN
import Optimizers

/// The options `train` and `compare` share: the data, the model, how batches are drawn, how
/// long to train, the seed and the schedule.
struct TrainingOptions: ParsableArguments {
    @Option(help: "fashion-mnist, mnist, airfoil, a folder of IDX files, or a CSV file.")
    var dataset: String
    @Option(help: "Where the named dataset is: a folder (fashion-mnist, mnist) or the airfoil file.")
    var data: String?
    @Option(help: "linear or mlp:H1,H2,... (options ,activation=relu|sigmoid|tanh ,init=he|xavier|normal(STD)|zero).")
    var model: String
    @Option(name: .customLong("batch-size"), help: "Examples per batch, or 'full' for full-batch gradient descent.")
    var batchSize = "128"
    @Option(help: "Number of optimizer steps.")
    var iterations: Int?
    @Option(help: "Number of passes over the training set.")
    var epochs: Int?
    @Option(help: "Seed of the initial weights and of the batch order.")
    var seed: UInt64 = 0
    @Option(help: "How batches are drawn: shuffle, replacement or sequential.")
    var sampling = "shuffle"
    @Option(help: "A learning-rate schedule such as 'cosine(T_max=2000)'; it advances once per step.")
    var schedule: String?
    @Option(name: .customLong("eval-every"), help: "Evaluate the test set (when the dataset has one) every K steps; default: at the end only.")
    var evalEvery: Int?
    @Option(help: "Threads for OpenBLAS and the optimizer.")
    var threads: Int?
    @Option(name: .customLong("csv-target"), help: "For a CSV file, what the last column holds: regression or classification.")
    var csvTarget = "regression"

    /// The default airfoil file, relative to the current folder.
    static let defaultAirfoilPath = "../shared/data/" + Airfoil.fileName

    /// Checks every option that can be checked without reading data; errors name the option.
    func check() throws {
        _ = try parsedBatchSize()
        _ = try parsedSampling()
        _ = try length()
        do { _ = try ModelSpec(parsing: model) } catch { throw ValidationError("--model: \(error)") }
        do { _ = try schedule.map { try ScheduleConfig(parsing: $0) } } catch { throw ValidationError("--schedule: \(error)") }
        if let k = evalEvery, k < 1 { throw ValidationError("--eval-every must be an integer >= 1, got \(k)") }
        if let t = threads, t < 1 { throw ValidationError("--threads must be an integer >= 1, got \(t)") }
        guard CSVOptions.Target(rawValue: csvTarget) != nil else {
            throw ValidationError("--csv-target must be regression or classification, got '\(csvTarget)'")
        }
    }

    func parsedBatchSize() throws -> BatchSize {
        if batchSize.lowercased() == "full" { return .full }
        guard let n = Int(batchSize), n >= 1 else {
            throw ValidationError("--batch-size must be a positive integer or 'full', got '\(batchSize)'")
        }
        return .examples(n)
    }

    func parsedSampling() throws -> BatchSampling {
        guard let s = BatchSampling(rawValue: sampling.lowercased()) else {
            throw ValidationError("--sampling must be shuffle, replacement or sequential, got '\(sampling)'")
        }
        return s
    }

    func length() throws -> TrainingLength {
        switch (iterations, epochs) {
        case let (n?, nil):
            guard n >= 1 else { throw ValidationError("--iterations must be an integer >= 1, got \(n)") }
            return .iterations(n)
        case let (nil, n?):
            guard n >= 1 else { throw ValidationError("--epochs must be an integer >= 1, got \(n)") }
            return .epochs(n)
        case (nil, nil): throw ValidationError("give --iterations N or --epochs N")
        default: throw ValidationError("give either --iterations or --epochs, not both")
        }
    }

    /// The run's configuration with `optimizer`.
    func configuration(optimizer: OptimizerConfig) throws -> TrainingConfiguration {
        TrainingConfiguration(model: try ModelSpec(parsing: model), optimizer: optimizer,
                              schedule: try schedule.map { try ScheduleConfig(parsing: $0) },
                              batchSize: try parsedBatchSize(), sampling: try parsedSampling(), seed: seed,
                              length: try length(), evaluateEvery: evalEvery)
    }

    /// Loads the dataset. `airfoil` without --data reads ../shared/data/airfoil_self_noise.dat
    /// when it exists, else the user's data folders; failing that, the error asks for --data.
    func loadData() throws -> DataSplit {
        var path = data
        let isAirfoil = dataset.lowercased() == "airfoil"
        if isAirfoil, path == nil, FileManager.default.fileExists(atPath: Self.defaultAirfoilPath) {
            path = Self.defaultAirfoilPath
        }
        let csv = CSVOptions(target: CSVOptions.Target(rawValue: csvTarget) ?? .regression)
        do {
            return try DatasetCatalog.load(dataset, data: path, csv: csv)
        } catch let error as DatasetError {
            if isAirfoil, path == nil, case let .notFound(_, lookedIn, _) = error {
                throw ValidationError("--data: the airfoil dataset needs \(Airfoil.fileName) (UCI airfoil self-noise); "
                    + "give --data FILE. Looked in " + ([Self.defaultAirfoilPath] + lookedIn).joined(separator: ", "))
            }
            if case .unknownDataset = error { throw ValidationError("--dataset: \(error)") }
            throw RunFailure(message: error.description)
        }
    }
}
