import Datasets
import Foundation
import NN
import Optimizers
import TensorCore
import Testing

/// A run whose loss or weights leave the finite numbers stops at once, naming the step and the
/// optimizer, and keeps its last good checkpoint.
@Suite struct TrainerDivergenceTests {
    /// y = 100 · x₀ on standard-normal features: gradients of order 100 from w = 0.
    static func steepData() -> Dataset {
        var g = SeededGenerator(seed: 5)
        let x = (0..<(50 * 2)).map { _ in g.normal() }
        let y = (0..<50).map { 100 * x[2 * $0] }
        return try! Dataset(name: "steep", featuresDouble: x, featureCount: 2, targetsDouble: y)
    }

    static func trainUntilFailure(_ trainer: Trainer, steps: Int) -> TrainingError? {
        do {
            for _ in 0..<steps { try trainer.trainStep() }
            return nil
        } catch {
            return error as? TrainingError
        }
    }

    @Test func anInfiniteLossStopsTheRunBeforeTheUpdate() throws {
        let configuration = try TrainerTestSupport.configuration(model: "linear", optimizer: "sgd(lr=1e30)", batchSize: .full, steps: 5)
        let trainer = try Trainer(configuration: configuration, dataset: Self.steepData())
        let error = try #require(Self.trainUntilFailure(trainer, steps: 5))
        #expect(error == .diverged(step: 2, optimizer: "sgd(lr=1e+30)", reason: "the loss is inf", lastCheckpoint: nil))
        #expect(error.description == "training diverged at step 2 with sgd(lr=1e+30): the loss is inf; no checkpoint was written")
        #expect(trainer.step == 1)
        #expect(trainer.model.exportWeights().joined().allSatisfy { $0.isFinite }, "the refused step changed nothing")
    }

    /// A batch of 64 rows runs in halves whose sum checks the gradients (the optimizer then skips
    /// its own check): a gradient that overflows must still stop the run before any update.
    @Test func anOverflowingGradientOfABatchInHalvesIsRefused() throws {
        let data = try Dataset(name: "huge", featuresDouble: [Double](repeating: 3e38, count: 64), featureCount: 1,
                               targetsDouble: [Double](repeating: 10, count: 64))
        let configuration = try TrainerTestSupport.configuration(model: "linear", optimizer: "sgd(lr=0.1)", batchSize: .examples(64),
                                                                 sampling: .sequential, steps: 1)
        let trainer = try Trainer(configuration: configuration, dataset: data)
        let error = try #require(Self.trainUntilFailure(trainer, steps: 1))
        guard case let .diverged(step, _, reason, _) = error else { Issue.record("\(error)"); return }
        #expect(step == 1 && reason.contains("gradient"), "\(reason)")
        #expect(trainer.step == 0)
        #expect(trainer.model.exportWeights().joined().allSatisfy { $0 == 0 }, "the refused step changed nothing")
    }

    @Test func aWeightThatOverflowsStopsTheRunNamingIt() throws {
        let configuration = try TrainerTestSupport.configuration(model: "linear", optimizer: "sgd(lr=1e37)", batchSize: .full, steps: 5)
        let trainer = try Trainer(configuration: configuration, dataset: Self.steepData())
        let error = try #require(Self.trainUntilFailure(trainer, steps: 5))
        guard case let .diverged(step, optimizer, reason, _) = error else { Issue.record("\(error)"); return }
        #expect(step == 1 && optimizer == "sgd(lr=1e+37)")
        #expect(reason.hasPrefix("weight layers.0.weight[0] became "), "\(reason)")
    }

    @Test func aDivergedRunKeepsItsLastGoodCheckpointAndNamesIt() throws {
        let folder = try TrainerTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.ckpt").path
        let configuration = try TrainerTestSupport.configuration(model: "mlp:8", optimizer: "sgd(lr=0.03)", batchSize: .examples(10),
                                                                 sampling: .shuffle, steps: 5000)
        let run = try TrainingRun(configuration: configuration, data: TrainerTestSupport.split(Self.steepData()),
                                  options: .init(checkpointPath: path, checkpointEvery: 3, progress: .silent))
        var error: TrainingError?
        do { _ = try run.run() } catch let e as TrainingError { error = e }
        guard case let .diverged(step, optimizer, _, lastCheckpoint)? = error else { Issue.record("no divergence: \(String(describing: error))"); return }
        #expect(optimizer == "sgd(lr=0.03)")
        let saved = try CheckpointFile.read(from: path)
        #expect(saved.step == (step - 1) / 3 * 3, "the last multiple of 3 before step \(step)")
        #expect(lastCheckpoint == "\(path) (step \(saved.step))")
        #expect(saved.weights.joined().allSatisfy { $0.isFinite })
        #expect(error!.description.contains("training diverged at step \(step) with sgd(lr=0.03): "))
    }
}
