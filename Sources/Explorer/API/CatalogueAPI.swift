import Landscapes
import Optimizers

/// GET /api/functions and GET /api/optimizers: what the page needs to build its menus and
/// controls, so it holds no copy of a formula, window or default.
public enum CatalogueAPI {
    /// Every test function: name, formula, dimension, default start, window and minima.
    public static var functions: JSONValue { .array(TestFunction.all.map(json)) }

    /// One function as `{"name", "formula", "dimension", "start", "window": {"x", "y"},
    /// "minima", "logLevels"}`; a 1-D function's window has `"y": null`.
    public static func json(_ function: TestFunction) -> JSONValue {
        let range = { (r: ClosedRange<Double>) in JSONValue.array([.number(r.lowerBound), .number(r.upperBound)]) }
        return .object([
            ("name", .string(function.name)),
            ("formula", .string(function.formula)),
            ("dimension", .int(function.dimension)),
            ("start", numbers(function.defaultStart)),
            ("window", .object([("x", range(function.xRange)), ("y", function.yRange.map(range) ?? .null)])),
            ("minima", .array(function.minima.map(numbers))),
            ("logLevels", .bool(function.logLevels)),
        ])
    }

    /// Every optimizer kind with its torch arguments and their defaults, in torch's order:
    /// `{"name": "adam", "displayName": "Adam", "arguments": [{"name": "lr", "default": 0.001}, ...]}`.
    public static var optimizers: JSONValue {
        .array(OptimizerKind.allCases.map { kind in
            let defaults = Hyperparameters.defaults(for: kind)
            return .object([
                ("name", .string(kind.rawValue)),
                ("displayName", .string(kind.displayName)),
                ("arguments", .array(kind.argumentNames.map { name in
                    .object([("name", .string(name)), ("default", defaults.value(of: name).json)])
                })),
            ])
        })
    }

    static func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map(JSONValue.number)) }
}
