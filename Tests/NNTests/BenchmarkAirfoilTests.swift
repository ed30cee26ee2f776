import Datasets
import NN
import Optimizers
import TensorCore
import Testing

/// `descent bench airfoil`'s logic on a small synthetic regression set (5 features, like airfoil).
@Suite struct BenchmarkAirfoilTests {
    static let data = TrainerTestSupport.linearData(rows: 45, features: 5, seed: 4)

    @Test func timesEveryRoundAndReportsTheFields() throws {
        let record = try AirfoilBenchmark.measure(optimizer: "momentum", data: Self.data, epochs: 2, rounds: 3)
        #expect(record.spec == "momentum(lr=0.02, momentum=0.5)")
        #expect(record.stepsPerEpoch == 5)  // ⌈45 / 10⌉
        #expect(record.secondsPerEpochByRound.count == 3 && record.secondsPerEpochByRound.allSatisfy { $0 > 0 })
        #expect(record.bestSecondsPerEpoch == record.secondsPerEpochByRound.min()!)
        #expect(record.secondsPerEpoch == record.secondsPerEpochByRound.sorted()[1])
        #expect(record.finalLoss.isFinite)
        for key in ["optimizer", "epochs", "steps_per_epoch", "seconds_per_epoch", "final_loss"] {
            #expect(record.json[key] != nil, "missing \(key)")
        }
    }

    @Test func finalLossIsTheTrainersLossAfterTwoEpochs() throws {
        let record = try AirfoilBenchmark.measure(optimizer: "sgd", data: Self.data)
        let configuration = TrainingConfiguration(
            model: try ModelSpec(parsing: AirfoilBenchmark.model), optimizer: try OptimizerConfig(parsing: "sgd(lr=0.05)"),
            batchSize: .examples(10), sampling: .shuffle, seed: 0, length: .epochs(2))
        let trainer = try Trainer(configuration: configuration, dataset: Self.data)
        while trainer.step < 10 { try trainer.trainStep() }
        #expect(record.finalLoss == (try trainer.evaluate(Self.data).loss))
    }

    @Test func refusesUnknownOptimizersAndNoEpochs() {
        #expect(throws: BenchmarkError.self) { try AirfoilBenchmark.measure(optimizer: "lion", data: Self.data) }
        #expect(throws: BenchmarkError.invalidArgument(name: "epochs", value: "0", allowed: "an integer ≥ 1")) {
            try AirfoilBenchmark.measure(optimizer: "sgd", data: Self.data, epochs: 0)
        }
    }
}
