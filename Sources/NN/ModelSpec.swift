import Foundation
import TensorCore

/// A model described by a string, as given to `descent train --model`:
///
///     linear                          one linear layer (regression; softmax regression for classes)
///     mlp:100,100,100,100             hidden sizes; input and output sizes come from the dataset
///     mlp:50,50,activation=tanh,init=xavier
///     linear,init=normal(0.01)
///
/// Options: `activation=relu|sigmoid|tanh` (mlp only, default relu) and
/// `init=he|xavier|normal(STD)|zero` (default: zero for linear, He for ReLU, Xavier otherwise).
public struct ModelSpec: Equatable, Sendable, CustomStringConvertible {
    public enum Architecture: Equatable, Sendable {
        case linear
        case mlp(hiddenSizes: [Int])
    }

    public var architecture: Architecture
    public var activation: Activation
    /// nil: the architecture's default.
    public var initializer: Initializer?

    /// The grammar, for error messages.
    public static let grammar = "linear or mlp:H1,H2,... (positive hidden sizes), optionally followed by "
        + ",activation=relu|sigmoid|tanh (mlp only) and ,init=he|xavier|normal(STD)|zero"

    public init(architecture: Architecture, activation: Activation = .relu, initializer: Initializer? = nil) {
        self.architecture = architecture
        self.activation = activation
        self.initializer = initializer
    }

    /// Parses a model string; the error names the string and the part that does not fit.
    public init(parsing spec: String) throws {
        let text = spec.trimmingCharacters(in: .whitespaces)
        func fail(_ problem: String) -> ModelError { .invalidSpec(spec: spec, problem: problem) }
        let (name, rest): (String, String) = {
            if let colon = text.firstIndex(of: ":") { return (String(text[..<colon]), String(text[text.index(after: colon)...])) }
            if let comma = text.firstIndex(of: ",") { return (String(text[..<comma]), String(text[text.index(after: comma)...])) }
            return (text, "")
        }()
        var sizes: [Int] = []
        var activation: Activation?
        var initializer: Initializer?
        let items = rest.isEmpty ? [] : rest.split(separator: ",", omittingEmptySubsequences: false)
        for rawItem in items {
            let item = rawItem.trimmingCharacters(in: .whitespaces)
            if let eq = item.firstIndex(of: "=") {
                let key = item[..<eq].lowercased(), value = String(item[item.index(after: eq)...])
                switch key {
                case "activation":
                    do { activation = try Activation(parsing: value) } catch { throw fail("unknown activation '\(value)'") }
                    if activation == .identity { throw fail("activation 'identity' would make the mlp linear") }
                case "init":
                    do { initializer = try Initializer(parsing: value) } catch { throw fail("unknown init '\(value)'") }
                default: throw fail("unknown option '\(key)'")
                }
            } else {
                guard let n = Int(item), n > 0 else { throw fail("'\(item)' is not a positive layer size") }
                guard activation == nil && initializer == nil else { throw fail("layer size '\(item)' after an option") }
                sizes.append(n)
            }
        }
        switch name.lowercased() {
        case "linear":
            guard sizes.isEmpty else { throw fail("linear takes no layer sizes") }
            guard activation == nil else { throw fail("linear takes no activation") }
            self.init(architecture: .linear, initializer: initializer)
        case "mlp":
            guard !sizes.isEmpty else { throw fail("mlp needs at least one hidden size, e.g. mlp:100,100") }
            self.init(architecture: .mlp(hiddenSizes: sizes), activation: activation ?? .relu, initializer: initializer)
        default:
            throw fail("unknown model '\(name)'")
        }
    }

    /// The canonical string (parses back to an equal spec).
    public var description: String {
        var parts: [String]
        switch architecture {
        case .linear: parts = ["linear"]
        case .mlp(let sizes): parts = ["mlp:" + sizes.map(String.init).joined(separator: ",")]
            if activation != .relu { parts.append("activation=\(activation.rawValue)") }
        }
        if let initializer { parts.append("init=\(initializer)") }
        return parts.joined(separator: ",")
    }

    /// Builds the model, drawing its weights from `generator` (layer by layer, row-major).
    /// `linear` on a classification task is softmax regression (one layer, cross-entropy).
    public func makeModel(inputSize: Int, outputSize: Int, task: Task, generator: inout SeededGenerator) -> any Model {
        switch architecture {
        case .linear where task == .regression:
            return LinearRegression(inputSize: inputSize, outputSize: outputSize, initializer: initializer ?? .zero,
                                    generator: &generator)
        case .linear:
            return MLP(inputSize: inputSize, hiddenSizes: [], outputSize: outputSize, activation: .identity,
                       initializer: initializer ?? .zero, task: task, generator: &generator)
        case .mlp(let sizes):
            return MLP(inputSize: inputSize, hiddenSizes: sizes, outputSize: outputSize, activation: activation,
                       initializer: initializer, task: task, generator: &generator)
        }
    }

    /// As above, with a fresh generator seeded by `seed`.
    public func makeModel(inputSize: Int, outputSize: Int, task: Task, seed: UInt64) -> any Model {
        var g = SeededGenerator(seed: seed)
        return makeModel(inputSize: inputSize, outputSize: outputSize, task: task, generator: &g)
    }
}
