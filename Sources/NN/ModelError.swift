import Foundation
import TensorCore

/// What can go wrong when building a model from a string or loading weights into it.
/// Each message names the input, the offending value and what is allowed.
public enum ModelError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A model string that does not parse.
    case invalidSpec(spec: String, problem: String)
    /// An initialiser name that does not parse.
    case invalidInitializer(String)
    /// An activation name that is not known.
    case invalidActivation(String)
    /// A weight list with the wrong number of parameters.
    case parameterCountMismatch(expected: Int, got: Int)
    /// One parameter's flat values do not fill its shape.
    case weightCountMismatch(parameter: String, shape: [Int], expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .invalidSpec(spec, problem):
            return "invalid model '\(spec)': \(problem); allowed: \(ModelSpec.grammar)"
        case let .invalidInitializer(name):
            return "invalid initialiser '\(name)'; allowed: \(Initializer.allowedNames)"
        case let .invalidActivation(name):
            return "invalid activation '\(name)'; allowed: \(Activation.allowedNames)"
        case let .parameterCountMismatch(expected, got):
            return "the weights hold \(got) parameters, the model has \(expected)"
        case let .weightCountMismatch(parameter, shape, expected, got):
            return "parameter \(parameter) of shape \(shape) needs \(expected) values, got \(got)"
        }
    }

    public var errorDescription: String? { description }
}
