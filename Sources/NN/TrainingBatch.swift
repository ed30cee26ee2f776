import Datasets
import TensorCore

/// The tensors a batch of examples is copied into, allocated once and reused for every batch,
/// so that a training step allocates nothing in its steady state.
///
/// A batch of `capacity` rows fills the whole buffer; a smaller one (the last, partial batch of
/// an epoch, or the last chunk of an evaluation) is a view of its first rows, made once per size.
final class TrainingBatch {
    let featureCount: Int
    let capacity: Int
    let isClassification: Bool
    private let featureStorage: TensorStorage
    private let targetStorage: TensorStorage
    private var labels32: [Int32]
    /// Views and label arrays by batch size: the full size and at most one smaller size.
    private var full: Slot
    private var partial: Slot?

    private struct Slot {
        let rows: Int
        let features: Tensor
        let targetValues: Tensor
        var labels: [Int]
    }

    init(capacity: Int, featureCount: Int, isClassification: Bool) {
        precondition(capacity >= 1 && featureCount >= 1, "TrainingBatch: capacity \(capacity), features \(featureCount)")
        self.capacity = capacity
        self.featureCount = featureCount
        self.isClassification = isClassification
        featureStorage = TensorStorage(capacity: capacity * featureCount)
        targetStorage = TensorStorage(capacity: capacity)
        labels32 = [Int32](repeating: 0, count: capacity)
        full = Slot(rows: capacity, features: Tensor(shape: [capacity, featureCount], storage: featureStorage),
                    targetValues: Tensor(shape: [capacity], storage: targetStorage),
                    labels: [Int](repeating: 0, count: isClassification ? capacity : 0))
    }

    /// Copies the loader's next batch in; returns where it sits, its inputs and its targets.
    func next(from loader: inout BatchLoader) -> (batch: Batch, x: Tensor, targets: Targets) {
        let batch: Batch
        if isClassification {
            batch = labels32.withUnsafeMutableBufferPointer { labels in
                loader.nextBatch(features: buffer(featureStorage, capacity * featureCount), labels: labels)
            }
        } else {
            batch = loader.nextBatch(features: buffer(featureStorage, capacity * featureCount),
                                     targets: buffer(targetStorage, capacity))
        }
        let (x, targets) = tensors(rows: batch.size)
        return (batch, x, targets)
    }

    /// Copies rows `range` of `dataset` in (at most `capacity` of them); returns inputs and targets.
    func load(rows range: Range<Int>, of dataset: Dataset) -> (x: Tensor, targets: Targets) {
        precondition(range.count <= capacity, "TrainingBatch: \(range.count) rows, capacity \(capacity)")
        let width = featureCount
        dataset.features.withUnsafeBufferPointer { source in
            featureStorage.pointer.update(from: source.baseAddress! + range.lowerBound * width, count: range.count * width)
        }
        if isClassification, let labels = dataset.labels {
            for (k, row) in range.enumerated() { labels32[k] = labels[row] }
        } else if let targets = dataset.targets {
            for (k, row) in range.enumerated() { targetStorage.pointer[k] = targets[row] }
        }
        return tensors(rows: range.count)
    }

    /// The views for a batch of `rows` rows, with the labels widened to `Int` in place.
    private func tensors(rows: Int) -> (Tensor, Targets) {
        if rows == capacity { return finish(&full) }
        if partial?.rows != rows {
            partial = Slot(rows: rows, features: Tensor(shape: [rows, featureCount], storage: featureStorage),
                           targetValues: Tensor(shape: [rows], storage: targetStorage),
                           labels: [Int](repeating: 0, count: isClassification ? rows : 0))
        }
        return finish(&partial!)
    }

    private func finish(_ slot: inout Slot) -> (Tensor, Targets) {
        guard isClassification else { return (slot.features, .values(slot.targetValues)) }
        for i in 0..<slot.rows { slot.labels[i] = Int(labels32[i]) }
        return (slot.features, .classes(slot.labels))
    }

    private func buffer(_ storage: TensorStorage, _ count: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: storage.pointer, count: count)
    }
}
