import Optimizers

/// One optimizer run on one test function (../shared/spec/trace-spec.md), validated.
public struct TraceSpec: Sendable {
    public var function: TestFunction
    public var start: [Double]
    public var optimizer: OptimizerConfig
    public var schedule: ScheduleConfig?
    public var steps: Int
    /// The spec as given, echoed in the result (`params`, `schedule` exactly as the user wrote them).
    public var paramsEcho: JSONValue
    public var scheduleEcho: JSONValue?

    /// The largest `steps` a spec may ask for.
    public static let maxSteps = 1_000_000

    public init(function: TestFunction, start: [Double]? = nil, optimizer: OptimizerConfig,
                schedule: ScheduleConfig? = nil, steps: Int) throws {
        guard steps >= 0, steps <= Self.maxSteps else {
            throw TraceError.invalid(field: "steps", value: "\(steps)", allowed: "an integer from 0 to \(Self.maxSteps)")
        }
        let s = start ?? function.defaultStart
        guard s.count == function.dimension else {
            throw TraceError.invalid(field: "start", value: "\(s.count) coordinates",
                                     allowed: "\(function.dimension) for \(function.name)")
        }
        guard s.allSatisfy(\.isFinite) else {
            throw TraceError.invalid(field: "start", value: "\(s)", allowed: "finite numbers")
        }
        if let schedule { _ = try schedule.make() }
        self.function = function
        self.start = s
        self.optimizer = optimizer
        self.schedule = schedule
        self.steps = steps
        paramsEcho = .object(optimizer.hyperparameters.nonDefaultArguments(for: optimizer.kind).map { ($0.0, $0.1.json) })
        scheduleEcho = schedule.map { s in .object([("kind", .string(s.kind))] + s.arguments.map { ($0.0, $0.1.json) }) }
    }

    /// A spec from its JSON object; every error names the field.
    public init(json: JSONValue) throws {
        guard case let .object(members) = json else {
            throw TraceError.invalid(field: "spec", value: json.typeName, allowed: "a JSON object")
        }
        let known = ["function", "start", "optimizer", "params", "steps", "schedule"]
        for (k, _) in members where !known.contains(k) {
            throw TraceError.invalid(field: k, value: "unknown field", allowed: known.joined(separator: ", "))
        }
        guard let fname = json["function"]?.stringValue else {
            throw TraceError.invalid(field: "function", value: json["function"]?.serialized ?? "missing", allowed: "a function name")
        }
        let function = try TestFunction.named(fname)
        guard let oname = json["optimizer"]?.stringValue else {
            throw TraceError.invalid(field: "optimizer", value: json["optimizer"]?.serialized ?? "missing",
                                     allowed: OptimizerKind.acceptedNames.joined(separator: ", "))
        }
        let config: OptimizerConfig
        do { config = try OptimizerConfig(name: oname, params: json["params"]) } catch let e as OptimizerError {
            throw TraceError.from(e)
        }
        guard let stepsValue = json["steps"]?.numberValue, stepsValue == stepsValue.rounded() else {
            throw TraceError.invalid(field: "steps", value: json["steps"]?.serialized ?? "missing", allowed: "an integer >= 0")
        }
        var start: [Double]?
        if let sv = json["start"], sv != .null {
            guard let arr = sv.arrayValue, let xs = Optional(arr.compactMap(\.numberValue)), xs.count == arr.count else {
                throw TraceError.invalid(field: "start", value: sv.serialized, allowed: "an array of numbers")
            }
            start = xs
        }
        var schedule: ScheduleConfig?
        if let sv = json["schedule"], sv != .null {
            guard case let .object(sm) = sv, let kind = sv["kind"]?.stringValue else {
                throw TraceError.invalid(field: "schedule", value: sv.serialized, allowed: "an object with a \"kind\"")
            }
            var args: [(String, HyperValue)] = []
            for (k, v) in sm where k != "kind" {
                guard let hv = v.hyperValue else {
                    throw TraceError.invalid(field: "schedule.\(k)", value: v.serialized, allowed: "a number, boolean, word or list of numbers")
                }
                args.append((k, hv))
            }
            schedule = ScheduleConfig(kind: kind, arguments: args)
        }
        let steps = stepsValue.magnitude < 1e15 ? Int(stepsValue) : -1
        do {
            try self.init(function: function, start: start, optimizer: config, schedule: schedule, steps: steps)
        } catch let e as OptimizerError {
            throw TraceError.from(e, prefix: "schedule.")
        }
        paramsEcho = json["params"] ?? .object([])
        scheduleEcho = json["schedule"]
    }
}

extension HyperValue {
    /// As JSON: lists become arrays, words strings.
    public var json: JSONValue {
        switch self {
        case let .number(x): return .number(x)
        case let .bool(b): return .bool(b)
        case let .list(xs): return .array(xs.map(JSONValue.number))
        case let .text(s): return .string(s)
        }
    }
}

extension TraceError {
    /// An optimizer error as a trace error that names the field (`params.lr`, `optimizer`, ...).
    static func from(_ e: OptimizerError, prefix: String = "params.") -> TraceError {
        switch e {
        case let .invalidHyperparameter(name, value, allowed):
            return .invalid(field: name == "schedule.kind" ? name : prefix + name, value: value, allowed: allowed)
        case let .unknownArgument(optimizer, name, allowed):
            return .invalid(field: prefix + name, value: "not an argument of \(optimizer)", allowed: allowed.joined(separator: ", "))
        case let .unknownOptimizer(name):
            return .invalid(field: "optimizer", value: name, allowed: OptimizerKind.acceptedNames.joined(separator: ", "))
        default:
            return .invalid(field: "optimizer", value: "\(e)", allowed: "a valid optimizer spec")
        }
    }
}
