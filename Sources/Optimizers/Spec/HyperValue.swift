/// A value given for a hyper-parameter in a spec string or JSON: a number, a boolean, or a
/// tuple/list of numbers (`betas=(0.9, 0.999)`).
public enum HyperValue: Equatable, Sendable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case list([Double])
    /// A word, for string arguments such as OneCycle's `anneal_strategy=cos`.
    case text(String)

    public var description: String {
        switch self {
        case let .text(s): return s
        case let .number(x): return formatNumber(x)
        case let .bool(b): return b ? "true" : "false"
        case let .list(xs): return "(" + xs.map(formatNumber).joined(separator: ", ") + ")"
        }
    }
}

/// Shortest round-trip text of a number, without a trailing ".0" for integers.
func formatNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
}

extension Hyperparameters {
    /// Sets one argument by its torch name, checking that `kind` has it and the value's type.
    public mutating func set(_ name: String, _ value: HyperValue, for kind: OptimizerKind) throws {
        guard kind.argumentNames.contains(name) else {
            throw OptimizerError.unknownArgument(optimizer: kind.rawValue, name: name, allowed: kind.argumentNames)
        }
        func number() throws -> Double {
            if case let .number(x) = value { return x }
            throw OptimizerError.invalidHyperparameter(name: name, value: value.description, allowed: "a number")
        }
        func flag() throws -> Bool {
            if case let .bool(b) = value { return b }
            throw OptimizerError.invalidHyperparameter(name: name, value: value.description, allowed: "true or false")
        }
        switch name {
        case "lr": learningRate = try number()
        case "momentum": momentum = try number()
        case "dampening": dampening = try number()
        case "weight_decay": weightDecay = try number()
        case "nesterov": nesterov = try flag()
        case "maximize": maximize = try flag()
        case "lr_decay": lrDecay = try number()
        case "initial_accumulator_value": initialAccumulatorValue = try number()
        case "eps": eps = try number()
        case "alpha": alpha = try number()
        case "centered": centered = try flag()
        case "rho": rho = try number()
        case "amsgrad": amsgrad = try flag()
        case "decoupled_weight_decay": decoupledWeightDecay = try flag()
        case "momentum_decay": momentumDecay = try number()
        case "betas":
            guard case let .list(xs) = value, xs.count == 2 else {
                throw OptimizerError.invalidHyperparameter(name: name, value: value.description, allowed: "a pair (beta1, beta2)")
            }
            (beta1, beta2) = (xs[0], xs[1])
        default:
            throw OptimizerError.unknownArgument(optimizer: kind.rawValue, name: name, allowed: kind.argumentNames)
        }
    }

    /// The arguments of `kind` that differ from its defaults, in torch's order, for display.
    public func nonDefaultArguments(for kind: OptimizerKind) -> [(String, HyperValue)] {
        let d = Hyperparameters.defaults(for: kind)
        return kind.argumentNames.compactMap { name in
            let mine = value(of: name), theirs = d.value(of: name)
            return mine == theirs ? nil : (name, mine)
        }
    }

    /// The value of one argument by its torch name.
    public func value(of name: String) -> HyperValue {
        switch name {
        case "lr": return .number(learningRate)
        case "momentum": return .number(momentum)
        case "dampening": return .number(dampening)
        case "weight_decay": return .number(weightDecay)
        case "nesterov": return .bool(nesterov)
        case "maximize": return .bool(maximize)
        case "lr_decay": return .number(lrDecay)
        case "initial_accumulator_value": return .number(initialAccumulatorValue)
        case "eps": return .number(eps)
        case "alpha": return .number(alpha)
        case "centered": return .bool(centered)
        case "rho": return .number(rho)
        case "amsgrad": return .bool(amsgrad)
        case "decoupled_weight_decay": return .bool(decoupledWeightDecay)
        case "momentum_decay": return .number(momentumDecay)
        case "betas": return .list([beta1, beta2])
        default: return .number(.nan)
        }
    }
}
