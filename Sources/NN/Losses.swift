import TensorCore

/// What a model is trained to predict, and so which loss it minimises.
public enum Task: String, Equatable, Sendable, Codable {
    /// One class index per example; loss: mean softmax cross-entropy of the outputs (logits).
    case classification
    /// Real-valued targets; loss: d2l's squared loss, `mean((ŷ - y)²) / 2`.
    case regression
}

/// The targets of one batch.
public enum Targets {
    /// Class indices in `0..<classes`, one per row.
    case classes([Int])
    /// Class indices stored as `Int32`, as `Datasets` fills them; the buffer must stay valid for
    /// the duration of the call it is passed to (no copy is made).
    case labels(UnsafeBufferPointer<Int32>)
    /// Real targets, `rows · outputs` values (a `[rows]` or `[rows, outputs]` tensor).
    case values(Tensor)

    /// The class index of row `r` (classification targets), nil for real-valued targets.
    func classIndex(_ r: Int) -> Int? {
        switch self {
        case .classes(let labels): return labels[r]
        case .labels(let labels): return Int(labels[r])
        case .values: return nil
        }
    }

    /// Number of examples the targets describe, given the model's outputs per example.
    func rows(outputs: Int) -> Int {
        switch self {
        case .classes(let labels): return labels.count
        case .labels(let labels): return labels.count
        case .values(let t): return t.count / Swift.max(outputs, 1)
        }
    }
}

/// The loss of a batch on a tape, chosen by the task.
enum Losses {
    /// Records the task's loss of `outputs` against `targets`.
    static func record(_ task: Task, outputs: Variable, targets: Targets) -> Variable {
        switch (task, targets) {
        case (.classification, .classes(let labels)):
            return outputs.softmaxCrossEntropy(labels: labels)
        case (.classification, .labels(let labels)):
            return outputs.softmaxCrossEntropy(labels: labels)
        case (.regression, .values(let values)):
            return outputs.meanSquaredError(outputs.tape.constant(values), halved: true)
        case (.classification, .values), (.regression, .classes), (.regression, .labels):
            preconditionFailure("Model: \(task) needs \(task == .classification ? "class labels" : "real-valued targets")")
        }
    }
}
