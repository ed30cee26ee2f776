import Foundation
import TensorCore

/// How a layer's weights start. Biases always start at zero.
///
/// - `he`: N(0, σ²) with σ = √(2 / fan_in) (He et al. 2015; "deep learning from scratch", for ReLU).
/// - `xavier`: σ = √(1 / fan_in) (the simplified Xavier of the same book, for sigmoid and tanh).
/// - `normal(std)`: σ = std (d2l uses 0.01).
/// - `zero`: every weight 0 (d2l's airfoil linear regression starts from w = b = 0).
///
/// Weights are drawn with `SeededGenerator.normal()` in row-major order of the `[fan_in, fan_out]`
/// weight matrix, one draw per element, each `Float(σ · normal())`; `zero` draws nothing.
public enum Initializer: Equatable, Sendable, CustomStringConvertible {
    case he
    case xavier
    case normal(std: Double)
    case zero

    /// The spellings `init(parsing:)` accepts.
    public static let allowedNames = "he, xavier, normal(STD) with STD > 0 (e.g. normal(0.01)), zero"

    /// Parses `he`, `xavier`, `normal(0.01)` or `zero`.
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "he": self = .he
        case "xavier": self = .xavier
        case "zero", "zeros": self = .zero
        default:
            guard t.hasPrefix("normal("), t.hasSuffix(")"),
                  let std = Double(t.dropFirst("normal(".count).dropLast()), std > 0, std.isFinite
            else { throw ModelError.invalidInitializer(text) }
            self = .normal(std: std)
        }
    }

    public var description: String {
        switch self {
        case .he: return "he"
        case .xavier: return "xavier"
        case .normal(let std): return "normal(\(std))"
        case .zero: return "zero"
        }
    }

    /// σ for a layer with `fanIn` inputs.
    public func standardDeviation(fanIn: Int) -> Double {
        switch self {
        case .he: return (2 / Double(Swift.max(fanIn, 1))).squareRoot()
        case .xavier: return (1 / Double(Swift.max(fanIn, 1))).squareRoot()
        case .normal(let std): return std
        case .zero: return 0
        }
    }

    /// Overwrites `weight` (`[fanIn, fanOut]`) with fresh draws, row-major.
    public func initialize(_ weight: Tensor, generator: inout SeededGenerator) {
        let fanIn = weight.rank >= 1 ? weight.shape[0] : 1
        guard self != .zero else { weight.fill(0); return }
        let std = standardDeviation(fanIn: fanIn)
        for i in 0..<weight.count { weight.pointer[i] = Float(std * generator.normal()) }
    }
}
