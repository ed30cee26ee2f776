import ArgumentParser
import Datasets
import Foundation
import NN
import Optimizers

/// `descent bench mlp`: training steps per second of the source text's optimizer comparison.
struct BenchMLP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlp",
        abstract: "Time training steps of the 784-100-100-100-100-10 ReLU MLP on Fashion-MNIST (batch 128).",
        discussion: """
        The source text's comparison workload, as ../shared/anchors/torch_mlp.py runs it in PyTorch: \
        He initialisation, batches of 128 drawn with replacement, one fresh training per optimizer and \
        round, timed from the first step. Optimizers: \(MLPBenchmark.optimizers.map(\.spec).joined(separator: ", ")). \
        Each record gives the median and best steps/s over the rounds and the mean loss of the last \
        \(MLPBenchmark.finalLossWindow) batches; run under an LD_PRELOAD malloc counter that exports \
        `long malloc_count(void)`, it also gives the allocations per step after the first.
        """)

    @Option(help: "An optimizer (\(MLPBenchmark.names.joined(separator: ", "))) or 'all'.")
    var optimizer = "all"
    @Option(help: "Training steps per round.")
    var iterations = 2000
    @Option(help: "Threads for the matrix products and the optimizer; the default is DESCENT_THREADS or the processor count.")
    var threads = ParallelChunks.defaultThreads
    @Option(help: "Fresh trainings per optimizer; the optimizers alternate round by round.")
    var rounds = 1
    @Option(help: "The seed of the initial weights and the batches.")
    var seed: UInt64 = 0
    @Option(help: "The Fashion-MNIST folder (default: \(DatasetCatalog.fashionMNISTSystemFolder) or the user's data folders).")
    var data: String?
    @Option(help: "Output format: json or text.")
    var format: Bench.Format = .json

    func validate() throws {
        try Bench.checkOptimizer(optimizer, among: MLPBenchmark.names)
        try Bench.check(atLeast: 1, ["--iterations": iterations, "--threads": threads, "--rounds": rounds])
    }

    func run() throws {
        let split: DataSplit
        do { split = try DatasetCatalog.load("fashion-mnist", data: data) } catch {
            throw RunFailure(message: "\(error)")
        }
        let names = Bench.selected(optimizer, among: MLPBenchmark.names)
        let settings = MLPBenchmark.Settings(iterations: iterations, threads: threads, rounds: 1, seed: seed)
        var records: [String: MLPBenchmark.Record] = [:]
        for _ in 0..<rounds {
            for name in names {
                let one = try MLPBenchmark.measure(optimizer: name, data: split, settings: settings,
                                                   allocationCount: preloadedAllocationCounter())
                if records[name] == nil { records[name] = one } else { records[name]!.rounds += one.rounds }
            }
        }
        for name in names {
            guard let r = records[name] else { continue }
            switch format {
            case .json: print(r.json.serialized)
            case .text:
                let allocations = r.allocationsPerStep.map { String(format: "  %.2f allocations/step", $0) } ?? ""
                let accuracy = r.rounds.first?.testAccuracy.map { String(format: "  test accuracy %.4f", $0) } ?? ""
                print("\(Bench.label(name)) \(r.iterations) steps × \(r.rounds.count)  "
                      + String(format: "%.0f steps/s (best %.0f)  final loss %.4f", r.stepsPerSecond, r.bestStepsPerSecond, r.finalLoss)
                      + accuracy + allocations + "  threads \(r.threads), OpenBLAS \(r.blasCore)")
            }
            fflush(stdout)
        }
    }
}

/// `descent bench airfoil`: seconds per epoch of d2l's linear regression on the airfoil data.
struct BenchAirfoil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "airfoil",
        abstract: "Time d2l's airfoil linear regression (batch 10, 2 epochs): seconds per epoch per optimizer.",
        discussion: """
        Optimizers at d2l's settings: \(AirfoilBenchmark.optimizers.map(\.spec).joined(separator: ", ")). \
        The data file is --data FILE, else \(TrainingOptions.defaultAirfoilPath) when it exists, else the user's data folders.
        """)

    @Option(help: "An optimizer (\(AirfoilBenchmark.names.joined(separator: ", "))) or 'all'.")
    var optimizer = "all"
    @Option(help: "Epochs per round.")
    var epochs = 2
    @Option(help: "Fresh trainings per optimizer; the median and the best seconds per epoch are reported.")
    var rounds = 5
    @Option(help: "The airfoil_self_noise.dat file.")
    var data: String?
    @Option(help: "Output format: json or text.")
    var format: Bench.Format = .json

    func validate() throws {
        try Bench.checkOptimizer(optimizer, among: AirfoilBenchmark.names)
        try Bench.check(atLeast: 1, ["--epochs": epochs, "--rounds": rounds])
    }

    func run() throws {
        var path = data
        if path == nil, FileManager.default.fileExists(atPath: TrainingOptions.defaultAirfoilPath) {
            path = TrainingOptions.defaultAirfoilPath
        }
        let split: DataSplit
        do { split = try DatasetCatalog.load("airfoil", data: path) } catch {
            throw RunFailure(message: "\(error)")
        }
        for name in Bench.selected(optimizer, among: AirfoilBenchmark.names) {
            let r = try AirfoilBenchmark.measure(optimizer: name, data: split.train, epochs: epochs, rounds: rounds)
            switch format {
            case .json: print(r.json.serialized)
            case .text:
                print("\(Bench.label(name)) loss: \(String(format: "%.3f", r.finalLoss)), "
                      + String(format: "%.4f sec/epoch (best %.4f, %d rounds)", r.secondsPerEpoch, r.bestSecondsPerEpoch, rounds))
            }
            fflush(stdout)
        }
    }
}

/// `malloc_count()` of an allocation counter preloaded into the process (LD_PRELOAD), if any.
func preloadedAllocationCounter() -> (() -> Int)? {
    typealias Count = @convention(c) () -> Int
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_count") else { return nil }
    let count = unsafeBitCast(symbol, to: Count.self)
    return { count() }
}
