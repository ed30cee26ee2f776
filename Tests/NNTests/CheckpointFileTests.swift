import Datasets
import Foundation
import NN
import Optimizers
import Testing

/// The checkpoint file: a faithful round trip, refusal of damaged files and of checkpoints of
/// other runs with a message saying why, and atomic replacement.
@Suite struct CheckpointFileTests {
    static func trainedCheckpoint(model: String = "mlp:8", optimizer: String = "adam(lr=0.01)",
                                  schedule: String? = nil, steps: Int = 7) throws -> (Checkpoint, TrainingConfiguration) {
        let configuration = try TrainerTestSupport.configuration(model: model, optimizer: optimizer, schedule: schedule, steps: steps)
        let trainer = try Trainer(configuration: configuration, dataset: TrainerTestSupport.blobs())
        for _ in 0..<steps { try trainer.trainStep() }
        return (trainer.checkpoint(configuration: configuration), configuration)
    }

    static func message(of body: () throws -> Void) -> String {
        do { try body(); return "no error" } catch { return "\(error)" }
    }

    @Test func aCheckpointSurvivesTheRoundTripThroughItsFile() throws {
        let (checkpoint, _) = try Self.trainedCheckpoint(schedule: "cosine(T_max=10)")
        let folder = try TrainerTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.ckpt").path
        try CheckpointFile.write(checkpoint, to: path)
        let read = try CheckpointFile.read(from: path)
        #expect(read == checkpoint)
        #expect(read.schedulerEpoch == 7 && read.step == 7)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.ckpt"], "no temporary file is left")
    }

    @Test func theFileIsCompact() throws {
        let (checkpoint, _) = try Self.trainedCheckpoint(model: "mlp:64,64")
        let floats = checkpoint.weights.reduce(0) { $0 + $1.count } * 3   // weights + Adam's two moments
        let size = try CheckpointFile.encode(checkpoint).count
        #expect(size > 4 * floats && size < 4 * floats + 8192, "\(size) bytes for \(floats) floats")
    }

    @Test func everyTruncationIsRefusedAsTruncated() throws {
        let bytes = try CheckpointFile.encode(Self.trainedCheckpoint().0)
        for length in [0, 3, 8, 31, 32, 100, bytes.count / 2, bytes.count - 9, bytes.count - 1] {
            let text = Self.message { _ = try CheckpointFile.decode(Array(bytes.prefix(length)), path: "cut.ckpt") }
            #expect(text.hasPrefix("checkpoint cut.ckpt is truncated"), "\(length) bytes: \(text)")
            #expect(text.contains("the file holds \(length)"), "\(length) bytes: \(text)")
        }
    }

    @Test func aChangedByteIsCaughtByTheChecksum() throws {
        var bytes = try CheckpointFile.encode(Self.trainedCheckpoint().0)
        for offset in [40, bytes.count / 2, bytes.count - 12] {
            bytes[offset] ^= 0x10
            let text = Self.message { _ = try CheckpointFile.decode(bytes, path: "x.ckpt") }
            #expect(text == "checkpoint x.ckpt is corrupt: checksum mismatch (the file changed after it was written)")
            bytes[offset] ^= 0x10
        }
        _ = try CheckpointFile.decode(bytes, path: "x.ckpt")
    }

    @Test func otherFilesAreNotCheckpoints() throws {
        let text = Self.message { _ = try CheckpointFile.decode(Array("step,loss\n1,0.5\n".utf8), path: "log.csv") }
        #expect(text == "log.csv is not a Descent checkpoint (it does not start with \"DSNTCKPT\")")
        let missing = Self.message { _ = try CheckpointFile.read(from: "/nonexistent/run.ckpt") }
        #expect(missing == "cannot read checkpoint /nonexistent/run.ckpt: no such file")
        var bytes = try CheckpointFile.encode(Self.trainedCheckpoint().0)
        bytes[8] = 9
        #expect(Self.message { _ = try CheckpointFile.decode(bytes, path: "v.ckpt") }
                == "checkpoint v.ckpt has format version 9; this build reads version 1")
    }

    @Test func aCheckpointOfAnotherModelIsRefusedNamingTheParameter() throws {
        let (checkpoint, _) = try Self.trainedCheckpoint(model: "mlp:8")
        let other = try Trainer(configuration: TrainerTestSupport.configuration(model: "mlp:12", optimizer: "adam(lr=0.01)", steps: 7),
                                dataset: TrainerTestSupport.blobs())
        let before = other.model.exportWeights()
        let text = Self.message { try other.restore(checkpoint, source: "a.ckpt") }
        #expect(text == "checkpoint a.ckpt does not fit this run: parameter 0 is layers.0.weight [6, 8] in the checkpoint, layers.0.weight [6, 12] in the model")
        #expect(other.model.exportWeights() == before && other.step == 0, "nothing changed")
        let deeper = try Trainer(configuration: TrainerTestSupport.configuration(model: "mlp:8,8", optimizer: "adam(lr=0.01)", steps: 7),
                                 dataset: TrainerTestSupport.blobs())
        #expect(Self.message { try deeper.restore(checkpoint, source: "a.ckpt") }
                == "checkpoint a.ckpt does not fit this run: it holds 4 parameters, the model has 6")
    }

    @Test func aCheckpointOfAnotherOptimizerIsRefusedNamingBoth() throws {
        let (checkpoint, _) = try Self.trainedCheckpoint(optimizer: "sgd(lr=0.1, momentum=0.9)")
        let adam = try Trainer(configuration: TrainerTestSupport.configuration(model: "mlp:8", optimizer: "adam(lr=0.01)", steps: 7),
                               dataset: TrainerTestSupport.blobs())
        let before = adam.model.exportWeights()
        #expect(Self.message { try adam.restore(checkpoint, source: "s.ckpt") }
                == "checkpoint s.ckpt does not fit this run: state dict does not fit this optimizer: saved for sgd, this optimizer is adam")
        #expect(adam.model.exportWeights() == before)
    }

    @Test func aResumeWithOtherSettingsIsRefusedNamingEachSetting() throws {
        let folder = try TrainerTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.ckpt").path
        let data = TrainerTestSupport.split(TrainerTestSupport.blobs())
        _ = try TrainingRun(configuration: TrainerTestSupport.configuration(optimizer: "adam(lr=0.01)", steps: 5), data: data,
                            options: .init(checkpointPath: path, progress: .silent)).run()
        let other = try TrainerTestSupport.configuration(optimizer: "adam(lr=0.02)", batchSize: .examples(32), seed: 4, steps: 10)
        let text = Self.message { _ = try TrainingRun(configuration: other, data: data, options: .init(resumePath: path, progress: .silent)) }
        #expect(text == "checkpoint \(path) does not fit this run: optimizer is adam(lr=0.01) in the checkpoint, adam(lr=0.02) in this run; "
                + "batch size is 16 in the checkpoint, 32 in this run; seed is 0 in the checkpoint, 4 in this run "
                + "(a resumed run must use the settings it was started with)")
        let otherData = TrainerTestSupport.split(TrainerTestSupport.blobs(rows: 120))
        let same = try TrainerTestSupport.configuration(optimizer: "adam(lr=0.01)", steps: 10)
        #expect(Self.message { _ = try TrainingRun(configuration: same, data: otherData, options: .init(resumePath: path, progress: .silent)) }
                == "checkpoint \(path) does not fit this run: it was trained on blobs (240 rows of 6 features, 3 classes), "
                + "this run uses blobs (120 rows of 6 features, 3 classes)")
    }

    @Test func aFailedWriteLeavesThePreviousCheckpointIntact() throws {
        let folder = try TrainerTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.ckpt").path
        let (first, _) = try Self.trainedCheckpoint(steps: 3)
        let (second, _) = try Self.trainedCheckpoint(steps: 9)
        try CheckpointFile.write(first, to: path)
        // Block the temporary file (a folder cannot be opened for writing).
        let temporary = folder.appendingPathComponent(".run.ckpt.tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        let text = Self.message { try CheckpointFile.write(second, to: path) }
        #expect(text.hasPrefix("cannot write checkpoint \(path): cannot create \(temporary.path)"), "\(text)")
        #expect(try CheckpointFile.read(from: path) == first)
        // What a write killed half-way leaves behind is replaced by the next write.
        try FileManager.default.removeItem(at: temporary)
        try Data("DSNTCKPT half a checkpoint".utf8).write(to: temporary)
        try CheckpointFile.write(second, to: path)
        #expect(try CheckpointFile.read(from: path) == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.ckpt"])
    }
}
