import Datasets
import Foundation
import NN
import Optimizers
import Testing

/// `Comparison`: the same start and batches for every optimizer, a divergence that does not
/// stop the others, and the CSV, JSON and table it writes.
@Suite struct TrainerComparisonTests {
    static func compare(_ specs: [String], steps: Int = 30) throws -> Comparison {
        let base = try TrainerTestSupport.configuration(model: "linear", optimizer: specs[0], batchSize: .examples(20), steps: steps)
        return try Comparison.run(base: base, optimizers: specs.map { try OptimizerConfig(parsing: $0) },
                                  data: TrainerTestSupport.split(TrainerTestSupport.linearData()), options: .init(progress: .silent))
    }

    @Test func everyRunMatchesItsOwnTrainingRun() throws {
        let comparison = try Self.compare(["sgd(lr=0.1)", "adam(lr=0.05)"])
        #expect(comparison.entries.map(\.losses.count) == [30, 30])
        #expect(comparison.entries[0].losses[0] == comparison.entries[1].losses[0], "same initial weights, same first batch")
        let alone = try Trainer(configuration: TrainerTestSupport.configuration(model: "linear", optimizer: "adam(lr=0.05)",
                                                                               batchSize: .examples(20), steps: 30),
                                dataset: TrainerTestSupport.linearData())
        #expect(try (0..<30).map { _ in try alone.trainStep().loss } == comparison.entries[1].losses)
    }

    @Test func aDivergedRunEndsItsColumnAndTheOthersGoOn() throws {
        let comparison = try Self.compare(["sgd(lr=0.1)", "sgd(lr=40)"])
        let diverged = comparison.entries[1]
        guard case let .diverged(step, _, _, _)? = diverged.divergence else { Issue.record("sgd(lr=40) did not diverge"); return }
        #expect(diverged.losses.count == step - 1 && diverged.summary == nil)
        #expect(comparison.entries[0].summary?.steps == 30)
        let rows = comparison.csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0] == "step,SGD(lr=0.1),SGD(lr=40)")
        #expect(rows[1] == "1,\(comparison.entries[0].losses[0]),\(diverged.losses[0])")
        #expect(rows[30] == "30,\(comparison.entries[0].losses[29]),")
        #expect(comparison.table.contains("SGD(lr=40)   diverged at step \(step)"))
        #expect(comparison.json["runs"]?.arrayValue?[1]["diverged"]?["step"] == .int(step))
    }

    @Test func labelsWithCommasAreQuotedInTheCSVHeader() throws {
        let comparison = try Self.compare(["sgd(lr=0.1, momentum=0.9)"], steps: 2)
        #expect(comparison.csv.hasPrefix("step,\"SGD(lr=0.1, momentum=0.9)\"\n1,"))
        let table = comparison.table.split(separator: "\n")
        #expect(table[0] == "optimizer                  steps  train loss  steps/s")
        #expect(table[1].hasPrefix("SGD(lr=0.1, momentum=0.9)  2      "))
    }
}
