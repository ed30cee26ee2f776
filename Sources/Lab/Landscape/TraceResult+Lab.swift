import Landscapes
import Optimizers

extension TraceResult {
    /// The last finite point (the end of the run, or where it stopped diverging).
    public var finalPoint: [Double] { points[points.count - 1] }

    /// Legend text of the optimizer, e.g. `Adam(lr=0.3)`.
    public var optimizerLabel: String { spec.optimizer.displayLabel }

    /// The run's outcome in a few words: `f = 1.2e-4`, or where it diverged.
    public var outcomeText: String {
        if let divergence { return "diverged at step \(divergence.step)" }
        return "f = " + LabFormat.compact(finalValue)
    }

    /// The run in brief: canonical optimizer spec, legend label, final point and value, steps
    /// taken, and where it diverged (null when it did not).
    public var summaryJSON: JSONValue {
        .object([
            ("spec", .string(spec.optimizer.description)),
            ("label", .string(optimizerLabel)),
            ("final_point", LabFormat.json(finalPoint)),
            ("final_value", .number(finalValue)),
            ("steps_taken", .int(points.count - 1)),
            ("diverged", divergenceJSON),
        ])
    }

    /// `leading` members, the summary, then every point and the value before each step.
    public func pathJSON(leading: [(String, JSONValue)] = []) -> JSONValue {
        guard case let .object(members) = summaryJSON else { return summaryJSON }
        return .object(leading + members + [
            ("points", .array(points.map(LabFormat.json))),
            ("values", .array(values.map(JSONValue.number))),
        ])
    }

    /// The divergence as trace JSON has it ({step, coordinate, quantity, value, message}), or null.
    public var divergenceJSON: JSONValue { json["diverged"] ?? .null }
}

/// Runs of optimizers on test functions for the experiments, through `runTrace` (the one
/// implementation of each optimizer), in float64.
enum LabTrace {
    /// `optimizer` (a spec string such as `sgd(lr=0.4, momentum=0.5)`) for `steps` steps on
    /// `function` from `start` (default: the function's).
    static func run(_ function: TestFunction, _ optimizer: String, steps: Int, start: [Double]? = nil) throws -> TraceResult {
        let config = try OptimizerConfig(parsing: optimizer)
        return try runTrace(TraceSpec(function: function, start: start, optimizer: config, steps: steps))
    }
}
