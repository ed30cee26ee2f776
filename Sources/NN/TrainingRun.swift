import Datasets
import Foundation
import Optimizers
import TensorCore

/// A whole training run as `descent train` performs it: a `Trainer` built from the
/// configuration (or resumed from a checkpoint), driven to the requested length with a progress
/// display, an optional JSONL log, periodic test-set evaluations and checkpoints, and a summary
/// at the end. A divergence stops it with `TrainingError.diverged`, naming the last good
/// checkpoint, which is never overwritten by a bad state.
public final class TrainingRun {
    /// What the run writes and shows, none of which changes its numbers.
    public struct Options {
        /// Where checkpoints go, every `checkpointEvery` steps (if set) and at the end.
        public var checkpointPath: String?
        public var checkpointEvery: Int?
        /// A checkpoint to continue from.
        public var resumePath: String?
        /// The JSONL log, one line every `logEvery` steps (and at evaluations and the last step).
        public var logPath: String?
        public var logEvery: Int
        public var progress: ProgressReporter.Style
        /// Where progress text goes (standard error by default).
        public var progressOutput: (String) -> Void
        /// Threads for the matrix products and the optimizer (nil: `ParallelChunks.defaultThreads`,
        /// DESCENT_THREADS or the processor count). See `TrainingRun.configureMatrixThreads`.
        public var threads: Int?

        public init(checkpointPath: String? = nil, checkpointEvery: Int? = nil, resumePath: String? = nil,
                    logPath: String? = nil, logEvery: Int = 1, progress: ProgressReporter.Style = .automatic,
                    threads: Int? = nil,
                    progressOutput: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
            self.checkpointPath = checkpointPath
            self.checkpointEvery = checkpointEvery
            self.resumePath = resumePath
            self.logPath = logPath
            self.logEvery = logEvery
            self.progress = progress
            self.threads = threads
            self.progressOutput = progressOutput
        }
    }

    public let configuration: TrainingConfiguration
    public let data: DataSplit
    public let options: Options
    public let trainer: Trainer
    /// The step count the run trains to.
    public let totalSteps: Int
    /// Threads for the matrix products and the optimizer (`options.threads` or the default, as
    /// set on the trainer's optimizer).
    public var threads: Int { trainer.optimizer.threads }
    /// The step the run resumed from (nil for a fresh run).
    public let resumedFrom: Int?
    /// Called after every step (e.g. to collect the losses of a comparison).
    public var onStep: ((TrainingStep) -> Void)?
    /// A label for progress lines (the optimizer, in a comparison).
    public var progressLabel = ""
    /// The last checkpoint known to be good, as "PATH (step N)".
    private var lastCheckpoint: String?

    /// Builds the trainer and, with `options.resumePath`, restores it from that checkpoint after
    /// checking that it belongs to a run with the same settings.
    public init(configuration: TrainingConfiguration, data: DataSplit, options: Options = Options()) throws {
        for (name, value) in [("--log-every", options.logEvery), ("--checkpoint-every", options.checkpointEvery ?? 1),
                              ("--eval-every", configuration.evaluateEvery ?? 1), ("--threads", options.threads ?? 1)] where value < 1 {
            throw TrainingError.invalidSetting(name: name, value: "\(value)", allowed: "an integer >= 1")
        }
        self.configuration = configuration
        self.data = data
        self.options = options
        trainer = try Trainer(configuration: configuration, dataset: data.train)
        trainer.optimizer.threads = options.threads ?? ParallelChunks.defaultThreads
        totalSteps = configuration.length.steps(batchesPerEpoch: trainer.loader.batchesPerEpoch)
        if let path = options.resumePath {
            let checkpoint = try CheckpointFile.read(from: path)
            let differences = configuration.numericDifferences(from: checkpoint.configuration)
            if !differences.isEmpty {
                let list = differences.map { "\($0.0) is \($0.2) in the checkpoint, \($0.1) in this run" }
                throw CheckpointError.doesNotFit(path: path, reason: list.joined(separator: "; ")
                    + " (a resumed run must use the settings it was started with)")
            }
            try trainer.restore(checkpoint, source: path)
            resumedFrom = checkpoint.step
            lastCheckpoint = "\(path) (step \(checkpoint.step))"
        } else {
            resumedFrom = nil
        }
    }

    /// Trains to `totalSteps` and summarises. A resumed run already at or past them trains
    /// nothing and summarises the checkpoint's state. Runs under `withTrainingSetup(threads:)`.
    public func run() throws -> TrainingSummary {
        try TrainingRun.withTrainingSetup(threads: threads) { try trainToTotalSteps() }
    }

    /// Runs `body` (training steps) on the calling thread set up as `descent train` runs them,
    /// then restores the thread's previous modes (with 2 or more threads, a batch of 64 rows or
    /// more then runs as two halves, one per thread: `SplitBatchGradients`):
    /// - matrix products as `ParallelGEMM.withConfiguration(threads:)` sets them up: OpenBLAS
    ///   single-threaded and, with 2 or more threads, the largest products split in two (bit for
    ///   bit the unsplit numbers, so the thread count does not change a run's numbers). OpenBLAS's
    ///   own threads made this project's MLP step slower on 2 cores, and changed its numbers.
    /// - subnormals flushed to zero (`SubnormalFlushing`): the same numbers in practice, without
    ///   the microcode assists that made Adam's update 7× slower once its state decayed below 1.2e-38.
    public static func withTrainingSetup<T>(threads: Int, _ body: () throws -> T) rethrows -> T {
        try ParallelGEMM.withConfiguration(threads: threads) { try SubnormalFlushing.withFlushing(body) }
    }

    private func trainToTotalSteps() throws -> TrainingSummary {
        let reporter = ProgressReporter(label: progressLabel, totalSteps: totalSteps, startStep: trainer.step,
                                        style: options.progress, output: options.progressOutput)
        guard trainer.step < totalSteps else {
            reporter.note("the checkpoint is at step \(trainer.step), at or past the \(totalSteps) steps asked for: nothing to train")
            return try summary(seconds: 0)
        }
        let log = try options.logPath.map { try TrainingLog(path: $0, resumingAfter: resumedFrom) }
        var lastWritten = -1
        while trainer.step < totalSteps {
            let step: TrainingStep
            do { step = try trainer.trainStep() } catch let error as TrainingError {
                log?.flush()
                reporter.finish()
                throw error.keeping(checkpoint: lastCheckpoint)
            }
            onStep?(step)
            var test: Evaluation?
            if let every = configuration.evaluateEvery, step.step % every == 0, let testSet = data.test {
                test = try trainer.evaluate(testSet)
                reporter.note("step \(step.step): test loss \(test!.loss)" + (test!.accuracy.map { ", accuracy \($0)" } ?? ""))
            }
            if step.step % options.logEvery == 0 || step.step == totalSteps || test != nil { log?.record(step, test: test) }
            reporter.update(step)
            if let every = options.checkpointEvery, step.step % every == 0 || step.step == totalSteps {
                log?.flush()
                try writeCheckpoint()
                lastWritten = step.step
            }
        }
        let seconds = reporter.elapsedSeconds
        reporter.finish()
        log?.flush()
        if options.checkpointPath != nil && lastWritten != trainer.step { try writeCheckpoint() }
        return try summary(seconds: seconds)
    }

    private func writeCheckpoint() throws {
        guard let path = options.checkpointPath else { return }
        try CheckpointFile.write(trainer.checkpoint(configuration: configuration), to: path)
        lastCheckpoint = "\(path) (step \(trainer.step))"
    }

    /// Evaluates the training and test sets and fills in the summary.
    private func summary(seconds: Double) throws -> TrainingSummary {
        let train = try trainer.evaluate(data.train)
        let test = try data.test.map { try trainer.evaluate($0) }
        let ran = trainer.step - (resumedFrom ?? 0)
        return TrainingSummary(
            dataset: data.name, model: configuration.model, optimizer: configuration.optimizerSpec,
            schedule: configuration.schedule, steps: trainer.step, epochs: trainer.epochsCompleted,
            seconds: seconds, stepsPerSecond: seconds > 0 ? Double(ran) / seconds : 0,
            finalTrainLoss: train.loss, finalTrainAccuracy: train.accuracy, lastBatchLoss: trainer.lastLoss, test: test,
            isClassification: trainer.model.task == .classification, log: options.logPath,
            checkpoint: options.checkpointPath, resumedFrom: resumedFrom)
    }
}
