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
