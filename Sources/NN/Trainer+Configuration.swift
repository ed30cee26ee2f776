import Datasets
import Optimizers
import TensorCore

extension Trainer {
    /// A trainer at step 0 for `configuration` on `dataset`: the model built from the model
    /// string with input and output sizes from the dataset (the number of classes, or one
    /// target) and weights drawn from `SeededGenerator(seed)`; the optimizer over its parameters;
    /// the schedule; and a batch loader seeded with `configuration.loaderSeed`.
    ///
    /// Two trainers made from configurations with the same model, seed, batch size and sampling
    /// start from the same weights and draw the same batches, whatever their optimizers.
    public convenience init(configuration: TrainingConfiguration, dataset: Dataset) throws {
        let spec = try configuration.modelSpec()
        let task: Task
        let outputs: Int
        switch dataset.task {
        case .classification(let classes): task = .classification; outputs = classes
        case .regression: task = .regression; outputs = 1
        }
        let model = spec.makeModel(inputSize: dataset.featureCount, outputSize: outputs, task: task, seed: configuration.seed)
        let parameters: [any OptimizableParameter<Float>] = model.parameters
        let optimizer = try Optimizer<Float>(configuration.optimizer, parameters: parameters)
        let schedule = try configuration.scheduleConfig()?.make()
        let loader = try BatchLoader(dataset: dataset, batchSize: configuration.batchSize,
                                     sampling: configuration.sampling, seed: configuration.loaderSeed)
        try self.init(model: model, optimizer: optimizer, schedule: schedule, loader: loader,
                      optimizerName: configuration.optimizerSpec)
    }
}
