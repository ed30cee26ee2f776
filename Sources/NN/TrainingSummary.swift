import Optimizers

/// What `descent train` prints on standard output when a run ends: where it got to, how fast,
/// and how good the model is on the whole training set and the test set.
public struct TrainingSummary: Equatable, Sendable {
    public var dataset: String
    public var model: String
    public var optimizer: String
    public var schedule: String?
    /// Steps completed (including those before a resume).
    public var steps: Int
    /// Epochs completed, `steps / batches per epoch`.
    public var epochs: Double
    /// Wall time of the training steps run by this process (not evaluation or loading).
    public var seconds: Double
    public var stepsPerSecond: Double
    /// The mean loss over the whole training set after the last step.
    public var finalTrainLoss: Float
    /// The fraction of the training set classified right after the last step (classification).
    public var finalTrainAccuracy: Double?
    /// The last step's batch loss.
    public var lastBatchLoss: Float?
    /// Loss (and accuracy for classification) on the test set, when the dataset has one.
    public var test: Evaluation?
    public var isClassification: Bool
    public var log: String?
    public var checkpoint: String?
    /// The step the run resumed from, nil for a fresh run.
    public var resumedFrom: Int?

    /// The summary as JSON: {"dataset", "model", "optimizer", "steps", "seconds",
    /// "steps_per_second", "final_train_loss", "test_loss", "test_accuracy" (classification),
    /// "log"}, then "epochs", "final_train_accuracy" (classification), "last_batch_loss",
    /// "schedule", "checkpoint", "resumed_from".
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("dataset", .string(dataset)), ("model", .string(model)), ("optimizer", .string(optimizer)),
            ("steps", .int(steps)), ("seconds", .number(seconds)), ("steps_per_second", .number(stepsPerSecond)),
            ("final_train_loss", TrainingLog.number(finalTrainLoss)),
            ("test_loss", test.map { TrainingLog.number($0.loss) } ?? .null),
        ]
        if isClassification { members.append(("test_accuracy", test?.accuracy.map { .number($0) } ?? .null)) }
        members.append(("log", log.map { .string($0) } ?? .null))
        members.append(("epochs", .number(epochs)))
        if isClassification { members.append(("final_train_accuracy", finalTrainAccuracy.map { .number($0) } ?? .null)) }
        members.append(("last_batch_loss", lastBatchLoss.map(TrainingLog.number) ?? .null))
        members.append(("schedule", schedule.map { .string($0) } ?? .null))
        members.append(("checkpoint", checkpoint.map { .string($0) } ?? .null))
        members.append(("resumed_from", resumedFrom.map { .int($0) } ?? .null))
        return .object(members)
    }
}
