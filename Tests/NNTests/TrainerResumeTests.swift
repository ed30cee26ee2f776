import Datasets
import Foundation
import NN
import Optimizers
import Testing

/// 100 steps, a checkpoint, a resume and 100 more give exactly (bit for bit) the losses and
/// weights of 200 uninterrupted steps: the checkpoint holds everything the numbers depend on.
@Suite struct TrainerResumeTests {
    struct Setup: CustomTestStringConvertible, Sendable {
        var optimizer: String
        var schedule: String?
        var sampling: BatchSampling
        var testDescription: String { "\(optimizer) \(schedule ?? "no schedule") \(sampling)" }
    }

    static let setups = [
        Setup(optimizer: "adam(lr=0.01)", schedule: nil, sampling: .shuffle),
        Setup(optimizer: "sgd(lr=0.05, momentum=0.9, nesterov=true)", schedule: "cosine(T_max=200)", sampling: .shuffle),
        Setup(optimizer: "nadam(lr=0.005)", schedule: "onecycle(max_lr=0.01, total_steps=200)", sampling: .replacement),
        Setup(optimizer: "rmsprop(lr=0.005, centered=true)", schedule: nil, sampling: .sequential),
        Setup(optimizer: "adagrad(lr=0.05)", schedule: "step(step_size=30, gamma=0.5)", sampling: .shuffle),
    ]

    @Test(arguments: setups)
    func resumingRepeatsTheUninterruptedRun(_ setup: Setup) throws {
        let data = TrainerTestSupport.blobs()
        let configuration = try TrainerTestSupport.configuration(optimizer: setup.optimizer, schedule: setup.schedule,
                                                                 sampling: setup.sampling, steps: 200)
        let straight = try Trainer(configuration: configuration, dataset: data)
        let straightLosses = try (0..<200).map { _ in try straight.trainStep().loss }

        let first = try Trainer(configuration: configuration, dataset: data)
        var losses = try (0..<100).map { _ in try first.trainStep().loss }
        #expect(first.loader.state.batchInEpoch != 0 || setup.sampling == .replacement, "the checkpoint falls mid-epoch")
        let bytes = try CheckpointFile.encode(first.checkpoint(configuration: configuration))
        let saved = try CheckpointFile.decode(bytes, path: "memory")

        let resumed = try Trainer(configuration: configuration, dataset: data)
        try resumed.restore(saved)
        #expect(resumed.step == 100)
        losses += try (0..<100).map { _ in try resumed.trainStep().loss }

        #expect(losses == straightLosses)
        #expect(resumed.model.exportWeights() == straight.model.exportWeights())
        #expect(resumed.optimizer.stateDict() == straight.optimizer.stateDict())
        #expect(resumed.scheduler?.epoch == straight.scheduler?.epoch)
        #expect(resumed.optimizer.learningRate == straight.optimizer.learningRate)
    }

    @Test func aRunResumedFromItsCheckpointFileWritesTheSameLogAndSummary() throws {
        let folder = try TrainerTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = TrainerTestSupport.split(TrainerTestSupport.blobs(), test: TrainerTestSupport.blobs(rows: 60, seed: 7))
        func configuration(_ steps: Int) throws -> TrainingConfiguration {
            var c = try TrainerTestSupport.configuration(optimizer: "adam(lr=0.01)", schedule: "cosine(T_max=150)", steps: steps)
            c.evaluateEvery = 40
            return c
        }
        let straightLog = folder.appendingPathComponent("straight.jsonl").path
        let straight = try TrainingRun(configuration: configuration(150), data: data,
                                       options: .init(logPath: straightLog, logEvery: 5, progress: .silent)).run()

        let log = folder.appendingPathComponent("run.jsonl").path, checkpoint = folder.appendingPathComponent("run.ckpt").path
        _ = try TrainingRun(configuration: configuration(70), data: data,
                            options: .init(checkpointPath: checkpoint, checkpointEvery: 30, logPath: log, logEvery: 5, progress: .silent)).run()
        // The interrupted run's log runs past its last checkpoint (step 70 is written at the end).
        #expect(try CheckpointFile.read(from: checkpoint).step == 70)
        let resumed = try TrainingRun(configuration: configuration(150), data: data,
                                      options: .init(checkpointPath: checkpoint, resumePath: checkpoint, logPath: log,
                                                     logEvery: 5, progress: .silent)).run()
        #expect(try String(contentsOfFile: log, encoding: .utf8) == String(contentsOfFile: straightLog, encoding: .utf8))
        #expect(resumed.steps == 150 && resumed.resumedFrom == 70)
        #expect(resumed.finalTrainLoss == straight.finalTrainLoss)
        #expect(resumed.test == straight.test)
        #expect(resumed.lastBatchLoss == straight.lastBatchLoss)
    }

    @Test func aResumedLogDropsLinesWrittenAfterTheCheckpoint() throws {
        let folder = try TrainerTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.jsonl").path
        let lines = (1...9).map { "{\"step\": \($0), \"epoch\": 0, \"loss\": 0.5, \"lr\": 0.1}\n" }.joined()
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
        let log = try TrainingLog(path: path, resumingAfter: 6)
        log.record(TrainingStep(step: 7, epoch: 1, loss: 0.25, learningRate: 0.01))
        log.flush()
        let written = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(written.count == 7)
        #expect(written.last == "{\"step\": 7, \"epoch\": 1, \"loss\": 0.25, \"lr\": 0.01}")
    }

    @Test func aResumeAtOrPastTheTargetTrainsNothingAndReportsTheCheckpoint() throws {
        let folder = try TrainerTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = TrainerTestSupport.split(TrainerTestSupport.blobs())
        let checkpoint = folder.appendingPathComponent("c.ckpt").path
        let first = try TrainingRun(configuration: TrainerTestSupport.configuration(optimizer: "sgd(lr=0.1)", steps: 60), data: data,
                                    options: .init(checkpointPath: checkpoint, progress: .silent)).run()
        let notes = TextSink()
        let run = try TrainingRun(configuration: TrainerTestSupport.configuration(optimizer: "sgd(lr=0.1)", steps: 40), data: data,
                                  options: .init(resumePath: checkpoint, progress: .lines, progressOutput: notes.append))
        #expect(run.totalSteps == 40)
        let again = try run.run()
        #expect(again.steps == 60 && again.resumedFrom == 60)
        #expect(again.finalTrainLoss == first.finalTrainLoss)
        #expect(again.seconds == 0)
        #expect(notes.text.contains("at step 60, at or past the 40 steps asked for: nothing to train"))
    }
}
