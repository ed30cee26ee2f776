import Landscapes
import Optimizers

/// A request the API refuses: the HTTP status, the field to blame (`params.lr`, `[2].steps`,
/// `body`) and a message a user can act on. Sent as `{"error": message, "field": field}`.
public struct APIError: Error, Equatable, CustomStringConvertible {
    /// The HTTP status code: 400 malformed JSON, 404 unknown name, 413 too large, 422 invalid value.
    public var status: Int
    public var field: String
    public var message: String

    public init(status: Int, field: String, message: String) {
        self.status = status
        self.field = field
        self.message = message
    }

    public var description: String { "\(status) \(field): \(message)" }

    /// The JSON body of the error response.
    public var json: JSONValue {
        .object([("error", .string(message)), ("field", .string(field))])
    }

    /// A body larger than the limit (413).
    static func bodyTooLarge(_ limits: ExplorerLimits) -> APIError {
        APIError(status: 413, field: "body",
                 message: "the request body is larger than \(limits.maxBodyBytes) bytes (allowed: at most \(limits.maxBodyBytes))")
    }

    /// A trace error from Landscapes: JSON syntax errors are 400, invalid values 422.
    static func from(_ error: TraceError) -> APIError {
        switch error {
        case .json(let reason):
            return APIError(status: 400, field: "body", message: "malformed JSON: \(reason)")
        case .invalid(let field, _, _):
            return APIError(status: 422, field: field, message: error.description)
        }
    }
}
