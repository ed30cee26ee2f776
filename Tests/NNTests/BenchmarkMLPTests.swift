import Datasets
import Foundation
import NN
import Optimizers
import TensorCore
import Testing

/// `descent bench mlp`'s logic on a small synthetic stand-in for Fashion-MNIST (784 features,
/// 10 classes), so that the real 784-100-100-100-100-10 network is built. No timing assertions.
@Suite struct BenchmarkMLPTests {
    static let data = TrainerTestSupport.split(TrainerTestSupport.blobs(rows: 300, features: 784, classes: 10, seed: 11),
                                               test: TrainerTestSupport.blobs(rows: 50, features: 784, classes: 10, seed: 12))

    static func settings(iterations: Int = 6, threads: Int = 1, rounds: Int = 1) -> MLPBenchmark.Settings {
        MLPBenchmark.Settings(iterations: iterations, threads: threads, rounds: rounds, seed: 3)
    }

    @Test func runsTheIterationsOfEveryRoundAndReportsTheFields() throws {
        let record = try MLPBenchmark.measure(optimizer: "adam", data: Self.data, settings: Self.settings(rounds: 2))
        #expect(record.spec == "adam(lr=0.001)" && record.iterations == 6 && record.rounds.count == 2)
        for round in record.rounds {
            #expect(round.steps == 6 && round.losses.count == 6 && round.divergedAt == nil)
            #expect(round.seconds > 0 && round.stepsPerSecond > 0)
        }
        #expect(record.roundsAgree)
        #expect(record.rounds[0].testAccuracy != nil)
        let losses = record.rounds[0].losses
        #expect(record.finalLoss == Float(losses.reduce(0.0) { $0 + Double($1) } / Double(losses.count)))
        #expect(record.lastLoss == losses.last)
        let rates = record.rounds.map(\.stepsPerSecond)
        #expect(record.bestStepsPerSecond == rates.max()!)
        #expect(record.stepsPerSecond == (rates[0] + rates[1]) / 2)
        let json = record.json
        for key in ["optimizer", "iterations", "steps_per_second", "final_loss", "threads", "blas_core", "test_accuracy"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["optimizer"] == .string("adam") && json["iterations"] == .int(6))
        #expect(json["allocations_per_step"] == nil)  // not counted without a counter
    }

    @Test func finalLossAveragesOnlyTheLastHundredSteps() throws {
        let record = try MLPBenchmark.measure(optimizer: "sgd", data: Self.data, settings: Self.settings(iterations: 104))
        let tail = record.rounds[0].losses.suffix(100)
        #expect(record.finalLoss == Float(tail.reduce(0.0) { $0 + Double($1) } / 100))
    }

    @Test func readsTheAllocationCounterAfterTheFirstStepAndAtTheEnd() throws {
        let calls = Counter()
        let record = try MLPBenchmark.measure(optimizer: "sgd", data: Self.data, settings: Self.settings(iterations: 5),
                                              allocationCount: { calls.next() })
        // Read once after step 1 (returns 0) and once after step 5 (returns 10): 10 over 4 steps.
        #expect(record.allocationsPerStep == 2.5)
    }

    /// The same numbers at 1 and 2 threads, bit for bit: each batch's two halves
    /// (`SplitBatchGradients`) and the optimizer's chunks are the same operations whichever
    /// thread computes them.
    @Test(arguments: ["momentum", "rmsprop"])
    func twoThreadsTrainLikeOne(optimizer: String) throws {
        let one = try MLPBenchmark.measure(optimizer: optimizer, data: Self.data, settings: Self.settings(threads: 1))
        let two = try MLPBenchmark.measure(optimizer: optimizer, data: Self.data, settings: Self.settings(threads: 2))
        #expect(two.threads == 2)
        #expect(one.rounds[0].losses == two.rounds[0].losses)
    }

    @Test func refusesUnknownOptimizersAndEmptyRuns() {
        #expect(throws: BenchmarkError.invalidArgument(name: "optimizer", value: "lbfgs",
                                                       allowed: "sgd, momentum, adagrad, adam, rmsprop")) {
            try MLPBenchmark.measure(optimizer: "lbfgs", data: Self.data, settings: Self.settings())
        }
        #expect(throws: BenchmarkError.invalidArgument(name: "iterations", value: "0", allowed: "an integer ≥ 1")) {
            try MLPBenchmark.measure(optimizer: "sgd", data: Self.data, settings: Self.settings(iterations: 0))
        }
    }

    @Test func usesTheSourceTextsSettings() throws {
        #expect(MLPBenchmark.names == ["sgd", "momentum", "adagrad", "adam", "rmsprop"])
        let c = try MLPBenchmark.configuration(spec: "momentum(lr=0.01, momentum=0.9)", iterations: 2000, seed: 0)
        #expect(c.model == "mlp:100,100,100,100" && c.batchSize == .examples(128) && c.sampling == .replacement)
        #expect(c.optimizer.kind == .sgd && c.optimizer.hyperparameters.momentum == 0.9)
        #expect(c.optimizer.hyperparameters.learningRate == 0.01)
    }
}

/// Returns 0, 10, 20, … on successive calls.
private final class Counter: @unchecked Sendable {
    private var value = -10
    func next() -> Int { value += 10; return value }
}
