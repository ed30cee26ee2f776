/// The optimizers Descent implements, by their torch.optim names (Lion by optax's).
public enum OptimizerKind: String, CaseIterable, Codable, Sendable {
    case sgd, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam, lion

    /// The names accepted in spec strings and JSON: the kinds plus the source texts' aliases.
    public static var acceptedNames: [String] { allCases.map(\.rawValue) + ["momentum", "nesterov"] }

    /// Display name as the papers and torch write it.
    public var displayName: String {
        switch self {
        case .sgd: return "SGD"
        case .adagrad: return "Adagrad"
        case .rmsprop: return "RMSprop"
        case .adadelta: return "Adadelta"
        case .adam: return "Adam"
        case .adamw: return "AdamW"
        case .adamax: return "Adamax"
        case .nadam: return "NAdam"
        case .radam: return "RAdam"
        case .lion: return "Lion"
        }
    }

    /// The torch argument names this optimizer accepts (snake_case, as in spec strings and JSON).
    public var argumentNames: [String] {
        switch self {
        case .sgd: return ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"]
        case .adagrad: return ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"]
        case .rmsprop: return ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"]
        case .adadelta: return ["lr", "rho", "eps", "weight_decay", "maximize"]
        case .adam, .adamw: return ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "decoupled_weight_decay"]
        case .adamax: return ["lr", "betas", "eps", "weight_decay", "maximize"]
        case .nadam: return ["lr", "betas", "eps", "weight_decay", "momentum_decay", "decoupled_weight_decay", "maximize"]
        case .radam: return ["lr", "betas", "eps", "weight_decay", "decoupled_weight_decay", "maximize"]
        case .lion: return ["lr", "betas", "weight_decay", "maximize"]
        }
    }
}
