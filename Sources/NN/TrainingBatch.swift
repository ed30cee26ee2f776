import Datasets
import TensorCore

/// The tensors a batch of examples is copied into, allocated once and reused for every batch,
/// so that a training step allocates nothing in its steady state.
///
/// A batch of `capacity` rows fills the whole buffer; a smaller one (the last, partial batch of
/// an epoch, or the last chunk of an evaluation) is a view of its first rows, made once per size.
/// Class labels stay `Int32`, as `Datasets` stores them, in one buffer at a fixed address that
/// the targets point into (`Targets.labels`): no conversion or copy per step.
final class TrainingBatch {
    let featureCount: Int
    let capacity: Int
    let isClassification: Bool
    private let featureStorage: TensorStorage
    private let targetStorage: TensorStorage
    /// The batch's class labels; valid (and overwritten) from one `next`/`load` to the next.
    private let labels: UnsafeMutableBufferPointer<Int32>
    /// Views by batch size: the full size and at most one smaller size.
    private var full: Slot
    private var partial: Slot?

    private struct Slot {
        let rows: Int
        let features: Tensor
        let targetValues: Tensor
        /// Rows `0..<rows/2` and the rest, as views of the above.
        let firstHalf: (features: Tensor, targetValues: Tensor)
        let secondHalf: (features: Tensor, targetValues: Tensor)

        init(rows: Int, featureCount: Int, featureStorage: TensorStorage, targetStorage: TensorStorage) {
            self.rows = rows
            features = Tensor(shape: [rows, featureCount], storage: featureStorage)
            targetValues = Tensor(shape: [rows], storage: targetStorage)
            let h = rows / 2
            firstHalf = (features.rows(0..<h), targetValues.rows(0..<h))
            secondHalf = (features.rows(h..<rows), targetValues.rows(h..<rows))
        }
    }

    init(capacity: Int, featureCount: Int, isClassification: Bool) {
        precondition(capacity >= 1 && featureCount >= 1, "TrainingBatch: capacity \(capacity), features \(featureCount)")
        self.capacity = capacity
        self.featureCount = featureCount
        self.isClassification = isClassification
        featureStorage = TensorStorage(capacity: capacity * featureCount)
        targetStorage = TensorStorage(capacity: capacity)
        labels = .allocate(capacity: capacity)
        labels.initialize(repeating: 0)
        full = Slot(rows: capacity, featureCount: featureCount, featureStorage: featureStorage, targetStorage: targetStorage)
    }

    deinit { labels.deallocate() }

    /// Copies the loader's next batch in; returns where it sits, its inputs and its targets.
    func next(from loader: inout BatchLoader) -> (batch: Batch, x: Tensor, targets: Targets) {
        let batch: Batch
        if isClassification {
            batch = loader.nextBatch(features: buffer(featureStorage, capacity * featureCount), labels: labels)
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
        if isClassification, let datasetLabels = dataset.labels {
            datasetLabels.withUnsafeBufferPointer { source in
                labels.baseAddress!.update(from: source.baseAddress! + range.lowerBound, count: range.count)
            }
        } else if let targets = dataset.targets {
            targets.withUnsafeBufferPointer { source in
                targetStorage.pointer.update(from: source.baseAddress! + range.lowerBound, count: range.count)
            }
        }
        return tensors(rows: range.count)
    }

    /// The views for a batch of `rows` rows.
    private func tensors(rows: Int) -> (Tensor, Targets) {
        let slot = self.slot(rows: rows)
        return (slot.features, targets(slot.targetValues, labelsFrom: 0, count: rows))
    }

    /// The last batch (`next` or `load`) of `rows` rows as two halves: rows `0..<rows/2` and
    /// the rest (`SplitBatchGradients`).
    func halves(rows: Int) -> (first: (x: Tensor, targets: Targets), second: (x: Tensor, targets: Targets)) {
        let slot = self.slot(rows: rows), h = rows / 2
        return ((slot.firstHalf.features, targets(slot.firstHalf.targetValues, labelsFrom: 0, count: h)),
                (slot.secondHalf.features, targets(slot.secondHalf.targetValues, labelsFrom: h, count: rows - h)))
    }

    /// The slot for `rows` rows, made on first use of that size.
    private func slot(rows: Int) -> Slot {
        if rows == capacity { return full }
        if partial?.rows != rows {
            partial = Slot(rows: rows, featureCount: featureCount, featureStorage: featureStorage, targetStorage: targetStorage)
        }
        return partial!
    }

    /// Labels `start..<start + count` for classification, else `values`.
    private func targets(_ values: Tensor, labelsFrom start: Int, count: Int) -> Targets {
        guard isClassification else { return .values(values) }
        return .labels(UnsafeBufferPointer(start: labels.baseAddress! + start, count: count))
    }

    private func buffer(_ storage: TensorStorage, _ count: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: storage.pointer, count: count)
    }
}
