/// Everything that can go wrong when making or stepping an optimizer, with messages a user can act on.
public enum OptimizerError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A hyper-parameter outside its allowed range.
    case invalidHyperparameter(name: String, value: String, allowed: String)
    /// An argument name the optimizer does not have.
    case unknownArgument(optimizer: String, name: String, allowed: [String])
    /// An optimizer name Descent does not know.
    case unknownOptimizer(name: String)
    /// A spec string or JSON that cannot be read.
    case malformedSpec(spec: String, reason: String)
    /// A gradient holding NaN or infinity, refused under `NonFinitePolicy.refuse`.
    case nonFiniteGradient(group: Int, parameter: Int, index: Int, value: String)
    /// A state dict that does not fit this optimizer.
    case stateMismatch(String)

    public var description: String {
        switch self {
        case let .invalidHyperparameter(name, value, allowed):
            return "invalid value for '\(name)': \(value) (allowed: \(allowed))"
        case let .unknownArgument(optimizer, name, allowed):
            return "\(optimizer) has no argument '\(name)' (allowed: \(allowed.joined(separator: ", ")))"
        case let .unknownOptimizer(name):
            return "unknown optimizer '\(name)' (allowed: \(OptimizerKind.acceptedNames.joined(separator: ", ")))"
        case let .malformedSpec(spec, reason):
            return "malformed optimizer spec '\(spec)': \(reason)"
        case let .nonFiniteGradient(group, parameter, index, value):
            return "non-finite gradient \(value) in group \(group), parameter \(parameter), element \(index); step refused"
        case let .stateMismatch(reason):
            return "state dict does not fit this optimizer: \(reason)"
        }
    }
}
