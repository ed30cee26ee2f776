/// A benchmark argument outside what is allowed; the message names the argument, the value given
/// and what is allowed, and is shown to users as-is.
public enum BenchmarkError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidArgument(name: String, value: String, allowed: String)

    public var description: String {
        switch self {
        case let .invalidArgument(name, value, allowed):
            return "invalid value for \(name): \(value) (allowed: \(allowed))"
        }
    }
}

extension BenchmarkError {
    /// The spec of the benchmarked optimizer `name`; `invalidArgument` naming the choices when
    /// `optimizers` has none of that name.
    public static func spec(of name: String, in optimizers: [(name: String, spec: String)]) throws -> String {
        guard let spec = optimizers.first(where: { $0.name == name })?.spec else {
            throw invalidArgument(name: "optimizer", value: name, allowed: optimizers.map(\.name).joined(separator: ", "))
        }
        return spec
    }

    /// `invalidArgument` for the first argument below `minimum`.
    public static func check(atLeast minimum: Int, _ arguments: KeyValuePairs<String, Int>) throws {
        for (name, value) in arguments where value < minimum {
            throw invalidArgument(name: name, value: "\(value)", allowed: "an integer ≥ \(minimum)")
        }
    }
}
