/// Parameters that share hyper-parameters, as torch's `param_groups`. A group made without some
/// hyper-parameter takes the optimizer's default; `initialLearningRate` is what schedules scale.
public struct ParameterGroup<Scalar: OptimizerScalar> {
    public var parameters: [any OptimizableParameter<Scalar>]
    public var hyperparameters: Hyperparameters
    /// The lr the group started with (torch's `initial_lr`); schedules compute from it.
    public var initialLearningRate: Double

    public init(_ parameters: [any OptimizableParameter<Scalar>], hyperparameters: Hyperparameters) {
        self.parameters = parameters
        self.hyperparameters = hyperparameters
        self.initialLearningRate = hyperparameters.learningRate
    }

    /// The group's current learning rate (a schedule or the user may change it between steps).
    public var learningRate: Double {
        get { hyperparameters.learningRate }
        set { hyperparameters.learningRate = newValue }
    }
}

/// Per-parameter state: the step count, scalar state and `slots` buffers of `count` elements in
/// one allocation (slot k at offset k*count), made on the parameter's first step with a gradient.
final class ParameterState<Scalar: OptimizerScalar> {
    var step = 0
    var scalars: [Double]
    let count: Int
    let names: [String]
    let storage: UnsafeMutablePointer<Scalar>

    init(count: Int, names: [String], initialValue: Double, scalars: [Double]) {
        self.count = count
        self.names = names
        self.scalars = scalars
        storage = .allocate(capacity: Swift.max(1, count * names.count))
        storage.initialize(repeating: Scalar(initialValue), count: Swift.max(1, count * names.count))
    }

    deinit { storage.deallocate() }

    func slot(_ k: Int) -> UnsafeMutablePointer<Scalar>? { k < names.count ? storage + k * count : nil }

    func buffer(_ k: Int) -> [Scalar] { Array(UnsafeBufferPointer(start: storage + k * count, count: count)) }
}
