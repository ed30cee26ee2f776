/// An elementwise nonlinearity applied after a linear layer.
///
/// relu(x) = max(x, 0); sigmoid(x) = 1 / (1 + e^(-x)); tanh(x); identity(x) = x.
public enum Activation: String, CaseIterable, Sendable, Codable {
    case relu, sigmoid, tanh, identity

    /// The names accepted by `init(name:)`, for error messages.
    public static var allowedNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
