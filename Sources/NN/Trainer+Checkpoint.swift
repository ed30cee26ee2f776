import Datasets
import Optimizers

extension Trainer {
    /// The trainer's state now, labelled with the run's configuration.
    public func checkpoint(configuration: TrainingConfiguration) -> Checkpoint {
        Checkpoint(configuration: configuration, dataset: DatasetFingerprint(loader.dataset), step: step,
                   lastLoss: lastLoss, parameterNames: model.parameterNames, parameterShapes: model.parameterShapes,
                   weights: model.exportWeights(), optimizerState: optimizer.stateDict(),
                   schedulerEpoch: scheduler?.epoch, loaderState: loader.state)
    }

    /// Continues from `checkpoint`: weights, optimizer state, schedule epoch, loader state and
    /// step. Everything is checked before anything changes; a checkpoint that does not fit (other
    /// parameters, optimizer, dataset or schedule) is refused with `CheckpointError.doesNotFit`
    /// naming `source` and the reason.
    public func restore(_ checkpoint: Checkpoint, source: String = "(in memory)") throws {
        func refuse(_ reason: String) -> CheckpointError { .doesNotFit(path: source, reason: reason) }
        let names = model.parameterNames, shapes = model.parameterShapes
        guard checkpoint.parameterNames.count == names.count, checkpoint.parameterShapes.count == names.count,
              checkpoint.weights.count == names.count else {
            throw refuse("it holds \(checkpoint.weights.count) parameters, the model has \(names.count)")
        }
        for i in names.indices where checkpoint.parameterNames[i] != names[i] || checkpoint.parameterShapes[i] != shapes[i] {
            throw refuse("parameter \(i) is \(checkpoint.parameterNames[i]) \(checkpoint.parameterShapes[i]) in the checkpoint, "
                         + "\(names[i]) \(shapes[i]) in the model")
        }
        for i in names.indices where checkpoint.weights[i].count != model.parameters[i].count {
            throw refuse("parameter \(names[i]) holds \(checkpoint.weights[i].count) values, its shape needs \(model.parameters[i].count)")
        }
        let here = DatasetFingerprint(loader.dataset)
        guard checkpoint.dataset.rows == here.rows, checkpoint.dataset.features == here.features,
              checkpoint.dataset.classes == here.classes else {
            throw refuse("it was trained on \(Trainer.describe(checkpoint.dataset)), this run uses \(Trainer.describe(here))")
        }
        guard (checkpoint.schedulerEpoch != nil) == (scheduler != nil) else {
            throw refuse(scheduler == nil ? "it was saved with a schedule, this run has none" : "it was saved without a schedule, this run has one")
        }
        let resumedLoader: BatchLoader
        do { resumedLoader = try BatchLoader(dataset: loader.dataset, resuming: checkpoint.loaderState) }
        catch { throw refuse("\(error)") }
        do { try optimizer.load(checkpoint.optimizerState) }
        catch { throw refuse("\(error)") }
        try model.importWeights(checkpoint.weights)
        loader = resumedLoader
        if let epoch = checkpoint.schedulerEpoch, let schedule = scheduler?.schedule {
            scheduler = try LRScheduler(schedule, optimizer: optimizer, epoch: epoch)
        }
        step = checkpoint.step
        lastLoss = checkpoint.lastLoss
    }

    static func describe(_ d: DatasetFingerprint) -> String {
        let task = d.classes.map { "\($0) classes" } ?? "regression"
        return "\(d.name) (\(d.rows) rows of \(d.features) features, \(task))"
    }
}
