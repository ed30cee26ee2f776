import Optimizers

/// A trace spec that cannot run: names the field, the value and what is allowed.
public enum TraceError: Error, CustomStringConvertible, Equatable {
    case invalid(field: String, value: String, allowed: String)
    case json(String)

    public var description: String {
        switch self {
        case let .invalid(field, value, allowed): return "invalid \(field): \(value) (allowed: \(allowed))"
        case let .json(reason): return reason
        }
    }

    /// The field the error is about, for the web API's JSON errors.
    public var field: String? {
        if case let .invalid(field, _, _) = self { return field }
        return nil
    }
}
