/// A schedule by name with torch's argument names, as in a trace spec's `"schedule"` object or a
/// `--schedule 'cosine(T_max=60, eta_min=0.001)'` string. Any schedule also takes
/// `warmup_steps` and `warmup_start_factor` (default 0.1) for a linear warm-up before it.
public struct ScheduleConfig: Equatable, Sendable, CustomStringConvertible {
    public var kind: String
    public var arguments: [(String, HyperValue)]

    public static let kinds: [String: [String]] = [
        "constant": [],
        "step": ["step_size", "gamma"],
        "multistep": ["milestones", "gamma"],
        "exponential": ["gamma"],
        "cosine": ["T_max", "eta_min"],
        "linear": ["start_factor", "end_factor", "total_iters"],
        "polynomial": ["total_iters", "power"],
        "onecycle": ["max_lr", "total_steps", "pct_start", "anneal_strategy", "div_factor", "final_div_factor",
                     "cycle_momentum", "base_momentum", "max_momentum"],
    ]
    static let required: [String: [String]] = [
        "step": ["step_size"], "multistep": ["milestones"], "exponential": ["gamma"], "cosine": ["T_max"],
        "onecycle": ["max_lr", "total_steps"],
    ]
    static let warmupArguments = ["warmup_steps", "warmup_start_factor"]

    public init(kind: String, arguments: [(String, HyperValue)]) {
        self.kind = kind
        self.arguments = arguments
    }

    /// Parses `NAME(key=value, ...)`.
    public init(parsing text: String) throws {
        var parser = SpecStringParser(text)
        let parsed = try parser.parse()
        self.init(kind: parsed.name.lowercased(), arguments: parsed.arguments)
        _ = try make()
    }

    public static func == (a: ScheduleConfig, b: ScheduleConfig) -> Bool {
        a.kind == b.kind && a.arguments.map(\.0) == b.arguments.map(\.0) && a.arguments.map(\.1) == b.arguments.map(\.1)
    }

    public var description: String {
        arguments.isEmpty ? kind : kind + "(" + arguments.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + ")"
    }

    /// Builds the schedule; errors name the argument, its value and what is allowed.
    public func make() throws -> any LearningRateSchedule {
        guard let allowed = Self.kinds[kind] else {
            throw OptimizerError.invalidHyperparameter(name: "schedule.kind", value: kind,
                                                       allowed: Self.kinds.keys.sorted().joined(separator: ", "))
        }
        let args = Dictionary(arguments, uniquingKeysWith: { a, _ in a })
        for (name, _) in arguments where !allowed.contains(name) && !Self.warmupArguments.contains(name) {
            throw OptimizerError.unknownArgument(optimizer: "schedule \(kind)", name: name, allowed: allowed + Self.warmupArguments)
        }
        for name in Self.required[kind] ?? [] where args[name] == nil {
            throw OptimizerError.invalidHyperparameter(name: name, value: "missing", allowed: "required by the \(kind) schedule")
        }
        func number(_ n: String, _ d: Double, _ ok: (Double) -> Bool = { $0.isFinite }, _ what: String = "a finite number") throws -> Double {
            guard let v = args[n] else { return d }
            guard case let .number(x) = v, ok(x) else {
                throw OptimizerError.invalidHyperparameter(name: n, value: v.description, allowed: what)
            }
            return x
        }
        func count(_ n: String, _ d: Int) throws -> Int {
            Int(try number(n, Double(d), { $0 >= 1 && $0 == $0.rounded() }, "an integer >= 1"))
        }
        let positive: (Double) -> Bool = { $0 > 0 && $0.isFinite }
        let base: any LearningRateSchedule
        switch kind {
        case "constant": base = ConstantLR()
        case "step": base = StepLR(stepSize: try count("step_size", 1), gamma: try number("gamma", 0.1, positive, "a number > 0"))
        case "multistep":
            guard case let .list(ms)? = args["milestones"], ms.allSatisfy({ $0 >= 0 && $0 == $0.rounded() }) else {
                throw OptimizerError.invalidHyperparameter(name: "milestones", value: args["milestones"]!.description,
                                                           allowed: "a list of step numbers >= 0, e.g. [10, 25]")
            }
            base = MultiStepLR(milestones: ms.map { Int($0) }, gamma: try number("gamma", 0.1, positive, "a number > 0"))
        case "exponential": base = ExponentialLR(gamma: try number("gamma", 0.1, positive, "a number > 0"))
        case "cosine": base = CosineAnnealingLR(tMax: try count("T_max", 1), etaMin: try number("eta_min", 0, { $0 >= 0 }, "a number >= 0"))
        case "linear":
            let unit: (Double) -> Bool = { $0 >= 0 && $0 <= 1 }
            base = LinearLR(startFactor: try number("start_factor", 1.0 / 3, { $0 > 0 && $0 <= 1 }, "0 < start_factor <= 1"),
                            endFactor: try number("end_factor", 1, unit, "0 <= end_factor <= 1"),
                            totalIters: try count("total_iters", 5))
        case "polynomial":
            base = PolynomialLR(totalIters: try count("total_iters", 5), power: try number("power", 1, { $0 >= 0 }, "a number >= 0"))
        default: // onecycle
            var anneal = OneCycleLR.Anneal.cos
            if let v = args["anneal_strategy"] {
                guard case let .text(s) = v, let a = OneCycleLR.Anneal(rawValue: s) else {
                    throw OptimizerError.invalidHyperparameter(name: "anneal_strategy", value: v.description, allowed: "cos or linear")
                }
                anneal = a
            }
            var cycle = true
            if let v = args["cycle_momentum"] {
                guard case let .bool(b) = v else {
                    throw OptimizerError.invalidHyperparameter(name: "cycle_momentum", value: v.description, allowed: "true or false")
                }
                cycle = b
            }
            let unit: (Double) -> Bool = { $0 >= 0 && $0 < 1 }
            base = OneCycleLR(maxLR: try number("max_lr", 0, positive, "a number > 0"), totalSteps: try count("total_steps", 1),
                              pctStart: try number("pct_start", 0.3, { $0 > 0 && $0 < 1 }, "0 < pct_start < 1"), anneal: anneal,
                              divFactor: try number("div_factor", 25, positive, "a number > 0"),
                              finalDivFactor: try number("final_div_factor", 1e4, positive, "a number > 0"),
                              cycleMomentum: cycle, baseMomentum: try number("base_momentum", 0.85, unit, "0 <= base_momentum < 1"),
                              maxMomentum: try number("max_momentum", 0.95, unit, "0 <= max_momentum < 1"))
        }
        if args["warmup_steps"] != nil {
            return WarmupSchedule(steps: try count("warmup_steps", 1),
                                  startFactor: try number("warmup_start_factor", 0.1, { $0 > 0 && $0 <= 1 }, "0 < warmup_start_factor <= 1"),
                                  then: base)
        }
        return base
    }
}
