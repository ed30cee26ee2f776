/// Every hyper-parameter of every optimizer, with torch's defaults for the chosen kind.
///
/// One struct for all kinds keeps parameter groups, state dicts and the JSON spec simple; each
/// kind reads only the fields in `OptimizerKind.argumentNames`. JSON keys are torch's snake_case.
public struct Hyperparameters: Codable, Equatable, Sendable {
    public var learningRate: Double
    public var momentum: Double = 0
    public var dampening: Double = 0
    public var weightDecay: Double = 0
    public var nesterov = false
    public var maximize = false
    public var lrDecay: Double = 0
    public var initialAccumulatorValue: Double = 0
    public var eps: Double = 1e-8
    public var alpha: Double = 0.99
    public var centered = false
    public var rho: Double = 0.9
    public var beta1: Double = 0.9
    public var beta2: Double = 0.999
    public var amsgrad = false
    public var decoupledWeightDecay = false
    public var momentumDecay: Double = 4e-3

    enum CodingKeys: String, CodingKey {
        case learningRate = "lr", momentum, dampening, weightDecay = "weight_decay", nesterov, maximize
        case lrDecay = "lr_decay", initialAccumulatorValue = "initial_accumulator_value", eps, alpha
        case centered, rho, beta1, beta2, amsgrad, decoupledWeightDecay = "decoupled_weight_decay"
        case momentumDecay = "momentum_decay"
    }

    public init(learningRate: Double) { self.learningRate = learningRate }

    /// torch.optim's defaults (optax's for Lion), ../shared/spec/optimizers.md.
    public static func defaults(for kind: OptimizerKind) -> Hyperparameters {
        switch kind {
        case .sgd: return Hyperparameters(learningRate: 1e-3)
        case .adagrad:
            var h = Hyperparameters(learningRate: 1e-2); h.eps = 1e-10; return h
        case .rmsprop: return Hyperparameters(learningRate: 1e-2)
        case .adadelta:
            var h = Hyperparameters(learningRate: 1.0); h.eps = 1e-6; return h
        case .adam: return Hyperparameters(learningRate: 1e-3)
        case .adamw:
            var h = Hyperparameters(learningRate: 1e-3); h.weightDecay = 1e-2; h.decoupledWeightDecay = true; return h
        case .adamax, .nadam: return Hyperparameters(learningRate: 2e-3)
        case .radam: return Hyperparameters(learningRate: 1e-3)
        case .lion:
            var h = Hyperparameters(learningRate: 1e-4); h.beta2 = 0.99; return h
        }
    }

    /// `(beta1, beta2)` as torch's `betas` tuple.
    public var betas: (Double, Double) {
        get { (beta1, beta2) }
        set { (beta1, beta2) = newValue }
    }
}
