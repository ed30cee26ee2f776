/// An optimizer kind with its hyper-parameters: what a spec string such as
/// `sgd(lr=0.1, momentum=0.9, nesterov=true)` or a JSON `{"optimizer", "params"}` pair means.
public struct OptimizerConfig: Codable, Equatable, Sendable, CustomStringConvertible {
    public var kind: OptimizerKind
    public var hyperparameters: Hyperparameters
    /// The name as the user wrote it (`momentum`, `nesterov` or a kind), used for labels.
    public var label: String

    public init(kind: OptimizerKind, hyperparameters: Hyperparameters? = nil, label: String? = nil) {
        self.kind = kind
        self.hyperparameters = hyperparameters ?? .defaults(for: kind)
        self.label = label ?? kind.rawValue
    }

    /// A name (a kind or an alias) with named arguments applied over its defaults, validated.
    ///
    /// Aliases of the source texts: `momentum` = sgd(momentum=0.9), `nesterov` =
    /// sgd(momentum=0.9, nesterov=true); their arguments may still be overridden.
    public init(name: String, arguments: [(String, HyperValue)]) throws {
        let lower = name.lowercased()
        var h: Hyperparameters
        let kind: OptimizerKind
        switch lower {
        case "momentum":
            kind = .sgd; h = .defaults(for: .sgd); h.momentum = 0.9
        case "nesterov":
            kind = .sgd; h = .defaults(for: .sgd); h.momentum = 0.9; h.nesterov = true
        default:
            guard let k = OptimizerKind(rawValue: lower) else { throw OptimizerError.unknownOptimizer(name: name) }
            kind = k; h = .defaults(for: k)
        }
        var seen = Set<String>()
        for (key, value) in arguments {
            guard seen.insert(key).inserted else {
                throw OptimizerError.malformedSpec(spec: name, reason: "argument '\(key)' given twice")
            }
            try h.set(key, value, for: kind)
        }
        try h.validate(for: kind)
        self.init(kind: kind, hyperparameters: h, label: lower)
    }

    /// Parses a spec string: `NAME` or `NAME(key=value, ...)`.
    public init(parsing spec: String) throws {
        var parser = SpecStringParser(spec)
        let parsed = try parser.parse()
        try self.init(name: parsed.name, arguments: parsed.arguments)
    }

    /// Canonical spec string: the kind and every argument that differs from its defaults.
    public var description: String {
        let args = hyperparameters.nonDefaultArguments(for: kind)
        if args.isEmpty { return kind.rawValue }
        return kind.rawValue + "(" + args.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + ")"
    }

    /// A short legend label that always shows the learning rate: `Adam(lr=0.3)`,
    /// `Momentum(lr=0.01)`, `RMSprop(lr=0.01, centered=true)`.
    public var displayLabel: String {
        var args = hyperparameters.nonDefaultArguments(for: kind).filter { $0.0 != "lr" }
        if kind == .adamw { args.removeAll { $0.0 == "decoupled_weight_decay" } }
        if label == "momentum" || label == "nesterov" { args.removeAll { $0.0 == "momentum" && hyperparameters.momentum == 0.9 || $0.0 == "nesterov" } }
        let name = label == "momentum" ? "Momentum" : label == "nesterov" ? "Nesterov" : kind.displayName
        let all = [("lr", HyperValue.number(hyperparameters.learningRate))] + args
        return name + "(" + all.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + ")"
    }
}
