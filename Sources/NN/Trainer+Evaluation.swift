import Datasets
import TensorCore

extension Trainer {
    /// Rows per forward pass when evaluating a whole dataset.
    public static let evaluationChunkRows = 1000

    /// The model's mean loss over every example of `dataset` (the training set or a held-out
    /// set), and for classification the fraction classified right, without changing any weight.
    ///
    /// The data go through the model in chunks of `evaluationChunkRows` rows (buffers reused
    /// between calls); the mean is `Σ_chunks loss_c · rows_c / rows`, accumulated in float64.
    public func evaluate(_ dataset: Dataset) throws -> Evaluation {
        try Trainer.check(dataset, fits: model)
        let chunk = Trainer.evaluationChunkRows
        if evaluationBatch == nil {
            evaluationBatch = TrainingBatch(capacity: chunk, featureCount: dataset.featureCount,
                                            isClassification: model.task == .classification)
        }
        let buffers = evaluationBatch!
        var lossSum = 0.0, correct = 0.0
        var start = 0
        while start < dataset.count {
            let rows = start..<Swift.min(start + chunk, dataset.count)
            let (x, targets) = buffers.load(rows: rows, of: dataset)
            let result = model.evaluate(x: x, targets: targets)
            lossSum += Double(result.loss) * Double(rows.count)
            correct += ((result.accuracy ?? 0) * Double(rows.count)).rounded()
            start = rows.upperBound
        }
        let n = Double(Swift.max(dataset.count, 1))
        return Evaluation(loss: Float(lossSum / n),
                          accuracy: model.task == .classification ? correct / n : nil)
    }
}
