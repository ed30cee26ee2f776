import Foundation

/// What stops a training run, with messages shown to users as they are.
public enum TrainingError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The loss, a gradient or a weight became NaN or infinite at `step` (counting from 1).
    /// `lastCheckpoint` names the last good checkpoint, when one was written or resumed from.
    case diverged(step: Int, optimizer: String, reason: String, lastCheckpoint: String?)
    /// The dataset does not fit the model (feature count, task or number of outputs).
    case datasetDoesNotFit(dataset: String, reason: String)
    /// A setting that cannot work, named with its value and what is allowed.
    case invalidSetting(name: String, value: String, allowed: String)

    public var description: String {
        switch self {
        case let .diverged(step, optimizer, reason, lastCheckpoint):
            let kept = lastCheckpoint.map { "; the last good checkpoint is \($0)" } ?? "; no checkpoint was written"
            return "training diverged at step \(step) with \(optimizer): \(reason)\(kept)"
        case let .datasetDoesNotFit(dataset, reason):
            return "dataset \(dataset) does not fit the model: \(reason)"
        case let .invalidSetting(name, value, allowed):
            return "\(name) is \(value); allowed: \(allowed)"
        }
    }

    public var errorDescription: String? { description }

    /// The same error naming `checkpoint` as the last good one (for a divergence).
    func keeping(checkpoint: String?) -> TrainingError {
        guard case let .diverged(step, optimizer, reason, _) = self, let checkpoint else { return self }
        return .diverged(step: step, optimizer: optimizer, reason: reason, lastCheckpoint: checkpoint)
    }
}
