import Datasets
import Optimizers
import TensorCore

/// What one training step did.
public struct TrainingStep: Equatable, Sendable {
    /// Steps completed, this one included (the first step is 1).
    public var step: Int
    /// The epoch the batch came from, counting from 0.
    public var epoch: Int
    /// The loss of the batch, measured before the update (PyTorch's `loss.item()`).
    public var loss: Float
    /// The learning rate the update used (group 0's).
    public var learningRate: Double

    public init(step: Int, epoch: Int, loss: Float, learningRate: Double) {
        self.step = step
        self.epoch = epoch
        self.loss = loss
        self.learningRate = learningRate
    }
}

/// The training loop's step: a model, an optimizer (with an optional schedule) and a seeded
/// batch loader. Each `trainStep()` draws the next batch into reused tensors, records forward
/// pass and loss, backpropagates (a batch of 64 rows or more in two halves, one per thread:
/// `SplitBatchGradients`), lets the optimizer update the weights in place, and advances the
/// schedule, allocating nothing once the first steps have sized every buffer.
///
/// Divergence stops the loop: a non-finite loss or gradient is refused before any weight
/// changes, and a weight that becomes non-finite is reported right after the update, each as
/// `TrainingError.diverged` naming the step and the optimizer.
public final class Trainer {
    public let model: any Model
    public let optimizer: Optimizer<Float>
    /// The schedule, bound to the optimizer; it advances once per step.
    public internal(set) var scheduler: LRScheduler<Float>?
    public internal(set) var loader: BatchLoader
    /// Steps completed.
    public internal(set) var step = 0
    /// The loss of the last step, nil before the first.
    public internal(set) var lastLoss: Float?
    /// How messages name the optimizer, e.g. `adam(lr=0.001)`.
    public let optimizerName: String
    let batch: TrainingBatch
    var evaluationBatch: TrainingBatch?
    /// How batches of `SplitBatchGradients.minimumRows` rows or more are computed: in two halves.
    let halves: SplitBatchGradients?

    /// A trainer at step 0. The optimizer must hold the model's parameters; the loader's dataset
    /// must have the model's input size and task (and no more classes than the model has outputs).
    public init(model: any Model, optimizer: Optimizer<Float>, schedule: (any LearningRateSchedule)? = nil,
                loader: BatchLoader, optimizerName: String? = nil) throws {
        try Trainer.check(loader.dataset, fits: model)
        self.model = model
        self.optimizer = optimizer
        self.loader = loader
        self.optimizerName = optimizerName ?? optimizer.kind.rawValue
        scheduler = try schedule.map { try LRScheduler($0, optimizer: optimizer) }
        batch = TrainingBatch(capacity: loader.batchSize, featureCount: loader.dataset.featureCount,
                              isClassification: model.task == .classification)
        halves = loader.batchSize >= SplitBatchGradients.minimumRows ? SplitBatchGradients(model: model) : nil
    }

    /// One optimizer step on the next batch; returns its loss. Throws `TrainingError.diverged`.
    @discardableResult
    public func trainStep() throws -> TrainingStep {
        let next = batch.next(from: &loader)
        let loss: Float, gradientsKnownFinite: Bool
        if let halves, next.batch.size >= SplitBatchGradients.minimumRows {
            let (first, second) = batch.halves(rows: next.batch.size)
            let result = halves.lossAndGradients(first: first, second: second)
            loss = result.loss
            // Checked while summing: the optimizer need not read them again.
            gradientsKnownFinite = result.gradientsFinite && optimizerUpdatesOnlyModelParameters
        } else {
            loss = model.lossAndGradients(x: next.x, targets: next.targets)
            gradientsKnownFinite = false
        }
        let number = step + 1
        let learningRate = optimizer.learningRate
        guard loss.isFinite else { throw diverged(number, "the loss is \(loss)") }
        do {
            try optimizer.step(gradientsKnownFinite: gradientsKnownFinite)
        } catch let error as OptimizerError {
            guard case .nonFiniteGradient = error else { throw error }
            throw diverged(number, "\(error)")
        }
        if let bad = firstNonFiniteWeight() { throw diverged(number, bad) }
        scheduler?.step()
        step = number
        lastLoss = loss
        return TrainingStep(step: number, epoch: next.batch.epoch, loss: loss, learningRate: learningRate)
    }

    /// Whether every parameter the optimizer updates is one of the model's, whose gradients the
    /// halves' sum checks (a user may hand the trainer an optimizer with more). No allocation.
    private var optimizerUpdatesOnlyModelParameters: Bool {
        let own = model.parameters
        return optimizer.groups.allSatisfy { group in group.parameters.allSatisfy { p in own.contains { $0 === p } } }
    }

    /// The epochs completed, as a fraction (steps / batches per epoch).
    public var epochsCompleted: Double { Double(step) / Double(loader.batchesPerEpoch) }

    private func diverged(_ step: Int, _ reason: String) -> TrainingError {
        .diverged(step: step, optimizer: optimizerName, reason: reason, lastCheckpoint: nil)
    }

    /// "weight layers.0.weight[17] became nan" for the first non-finite weight, else nil.
    /// A fast pass per parameter, then a scan to find the element only when one fails (`FiniteCheck`).
    func firstNonFiniteWeight() -> String? {
        for p in model.parameters {
            let x = p.value.pointer
            if let index = FiniteCheck.firstNonFinite(x, count: p.count, threads: optimizer.threads) {
                return "weight \(p.name)[\(index)] became \(x[index])"
            }
        }
        return nil
    }

    /// Checks the dataset against the model's input size, task and outputs.
    static func check(_ dataset: Dataset, fits model: any Model) throws {
        func fail(_ reason: String) -> TrainingError { .datasetDoesNotFit(dataset: dataset.name, reason: reason) }
        guard dataset.featureCount == model.inputSize else {
            throw fail("it has \(dataset.featureCount) features per example, the model takes \(model.inputSize)")
        }
        switch (dataset.task, model.task) {
        case (.classification(let classes), .classification):
            guard classes <= model.outputSize else {
                throw fail("it has \(classes) classes, the model has \(model.outputSize) outputs")
            }
        case (.regression, .regression):
            guard model.outputSize == 1 else { throw fail("it has one target per example, the model has \(model.outputSize) outputs") }
        case (.classification, .regression):
            throw fail("it holds class labels, the model is a regression model")
        case (.regression, .classification):
            throw fail("it holds real-valued targets, the model is a classifier")
        }
    }
}
