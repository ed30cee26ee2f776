import Dispatch

/// The optimizer driver, as torch.optim.Optimizer: parameter groups with their own
/// hyper-parameters, a settable learning rate, per-parameter state made on first use, step
/// counting, gradient clipping, a non-finite policy and a state dict. The update itself is the
/// kind's `UpdateRule`, one fused pass per parameter, split across threads for large tensors.
public final class Optimizer<Scalar: OptimizerScalar> {
    public let kind: OptimizerKind
    /// The hyper-parameters a group takes when it does not set its own.
    public let defaults: Hyperparameters
    public var groups: [ParameterGroup<Scalar>]
    public var nonFinitePolicy: NonFinitePolicy = .refuse
    public var clipping: GradientClipping = .none
    /// Threads for large parameters (at least `parallelThreshold` elements each chunk pair).
    public var threads: Int = ParallelChunks.defaultThreads
    /// Steps applied, and steps skipped under `NonFinitePolicy.skip`.
    public internal(set) var stepCount = 0
    public internal(set) var skippedSteps = 0
    /// The global gradient norm measured by the last step when clipping by norm.
    public internal(set) var lastGradientNorm: Double?
    var states: [[ParameterState<Scalar>?]]
    /// Each group's hyper-parameters as last validated, so a step re-validates only what changed.
    private var validated: [Hyperparameters] = []

    /// One group of parameters with the config's hyper-parameters.
    public convenience init(_ config: OptimizerConfig, parameters: [any OptimizableParameter<Scalar>]) throws {
        try self.init(kind: config.kind, defaults: config.hyperparameters,
                      groups: [ParameterGroup(parameters, hyperparameters: config.hyperparameters)])
    }

    /// Several groups; each group's hyper-parameters are validated for `kind`.
    public init(kind: OptimizerKind, defaults: Hyperparameters? = nil, groups: [ParameterGroup<Scalar>]) throws {
        self.kind = kind
        self.defaults = defaults ?? .defaults(for: kind)
        try self.defaults.validate(for: kind)
        for g in groups { try g.hyperparameters.validate(for: kind) }
        self.groups = groups
        states = groups.map { Array(repeating: nil, count: $0.parameters.count) }
    }

    /// Adds a group: arguments given in `overrides` replace the optimizer's defaults.
    public func addGroup(_ parameters: [any OptimizableParameter<Scalar>], overrides: [(String, HyperValue)] = []) throws {
        var h = defaults
        for (k, v) in overrides { try h.set(k, v, for: kind) }
        try h.validate(for: kind)
        groups.append(ParameterGroup(parameters, hyperparameters: h))
        states.append(Array(repeating: nil, count: parameters.count))
    }

    /// Sets every group's learning rate (read: the first group's).
    public var learningRate: Double {
        get { groups.first?.learningRate ?? defaults.learningRate }
        set { for i in groups.indices { groups[i].learningRate = newValue } }
    }

    /// One update of every parameter that has a gradient. Clipping and the non-finite check
    /// come first; under `.refuse` a non-finite gradient throws before anything is written.
    @discardableResult
    public func step() throws -> StepOutcome { try step(gradientsKnownFinite: false) }

    /// `step()` for a caller that has just checked every gradient it computed, e.g. while summing
    /// the two halves of a batch (`SplitBatchGradients`): with `gradientsKnownFinite` the separate
    /// check pass is skipped. Package-internal: a wrong `true` would let a non-finite gradient in.
    @discardableResult
    package func step(gradientsKnownFinite: Bool) throws -> StepOutcome {
        try validateChangedGroups()
        // Clipping by norm reads every gradient anyway, and a finite norm proves them all finite:
        // then the separate check pass is skipped (an infinite norm may also come from overflow,
        // so the check still decides).
        let norm: Double? = if case .norm = clipping { gradientNorm() } else { nil }
        if nonFinitePolicy != .unchecked, !gradientsKnownFinite, norm?.isFinite != true, let bad = firstNonFiniteGradient() {
            switch nonFinitePolicy {
            case .refuse: throw bad
            case .skip: skippedSteps += 1; return .skipped
            case .unchecked: break
            }
        }
        applyClipping(norm: norm)
        for gi in groups.indices {
            let group = groups[gi]
            for pi in group.parameters.indices {
                let param = group.parameters[pi]
                guard let grad = param.gradientPointer else { continue }
                let state = stateFor(group: gi, parameter: pi, count: param.count)
                state.step += 1
                let buffers = StepBuffers(p: param.valuePointer, g: grad, s0: state.slot(0), s1: state.slot(1), s2: state.slot(2))
                apply(group.hyperparameters, state: state, buffers: buffers, count: param.count)
            }
        }
        stepCount += 1
        return .applied
    }

    /// Validates groups whose hyper-parameters changed since the last step (a user or a schedule
    /// may set them between steps); comparing the structs allocates nothing.
    private func validateChangedGroups() throws {
        if validated.count != groups.count { validated = [] }
        for i in groups.indices where i >= validated.count || validated[i] != groups[i].hyperparameters {
            let h = groups[i].hyperparameters
            try h.validate(for: kind)
            if i < validated.count { validated[i] = h } else { validated.append(h) }
        }
    }

    private func stateFor(group gi: Int, parameter pi: Int, count: Int) -> ParameterState<Scalar> {
        if let s = states[gi][pi] { return s }
        let h = groups[gi].hyperparameters
        let s = ParameterState<Scalar>(count: count, names: kind.stateNames(h),
                                       initialValue: kind.initialStateValue(h), scalars: kind.initialScalars(h))
        states[gi][pi] = s
        return s
    }

    private func apply(_ h: Hyperparameters, state: ParameterState<Scalar>, buffers: StepBuffers<Scalar>, count: Int) {
        switch kind {
        case .sgd: run(SGDRule.self, h, state, buffers, count)
        case .adagrad: run(AdagradRule.self, h, state, buffers, count)
        case .rmsprop: run(RMSpropRule.self, h, state, buffers, count)
        case .adadelta: run(AdadeltaRule.self, h, state, buffers, count)
        case .adam, .adamw: run(AdamRule.self, h, state, buffers, count)
        case .adamax: run(AdamaxRule.self, h, state, buffers, count)
        case .nadam: run(NAdamRule.self, h, state, buffers, count)
        case .radam: run(RAdamRule.self, h, state, buffers, count)
        case .lion: run(LionRule.self, h, state, buffers, count)
        }
    }

    private func run<R: UpdateRule>(_ rule: R.Type, _ h: Hyperparameters, _ state: ParameterState<Scalar>,
                                    _ buffers: StepBuffers<Scalar>, _ count: Int) {
        let c = R.coefficients(h, lr: h.learningRate, step: state.step, scalars: &state.scalars)
        ParallelChunks.run(RulePass<R, Scalar>(coefficients: c, buffers: buffers), count: count, threads: threads)
    }

    /// The state buffer `name` of parameter `pi` in group `gi`, or nil before its first step.
    public func stateBuffer(group gi: Int = 0, parameter pi: Int, name: String) -> [Scalar]? {
        guard let s = states[gi][pi], let k = s.names.firstIndex(of: name) else { return nil }
        return s.buffer(k)
    }

    /// The per-parameter step count (torch's `state[p]["step"]`).
    public func parameterStep(group gi: Int = 0, parameter pi: Int) -> Int { states[gi][pi]?.step ?? 0 }
}

extension OptimizerKind {
    func stateNames(_ h: Hyperparameters) -> [String] {
        switch self {
        case .sgd: return SGDRule.stateNames(h)
        case .adagrad: return AdagradRule.stateNames(h)
        case .rmsprop: return RMSpropRule.stateNames(h)
        case .adadelta: return AdadeltaRule.stateNames(h)
        case .adam, .adamw: return AdamRule.stateNames(h)
        case .adamax: return AdamaxRule.stateNames(h)
        case .nadam: return NAdamRule.stateNames(h)
        case .radam: return RAdamRule.stateNames(h)
        case .lion: return LionRule.stateNames(h)
        }
    }

    func initialStateValue(_ h: Hyperparameters) -> Double { self == .adagrad ? AdagradRule.initialStateValue(h) : 0 }
    func initialScalars(_ h: Hyperparameters) -> [Double] { self == .nadam ? NAdamRule.initialScalars(h) : [] }
}

/// One step of rule `R` over a parameter's buffers, chunk by chunk: the float32 fast path when
/// the rule has one for these coefficients, else the generic `update`.
private struct RulePass<R: UpdateRule, Scalar: OptimizerScalar>: ChunkedPass {
    let coefficients: R.Coefficients
    let buffers: StepBuffers<Scalar>

    func run(offset: Int, length: Int) {
        let b = buffers.advanced(by: offset)
        if Scalar.self == Float.self,
           R.fastUpdate(coefficients, unsafeBitCast(b, to: StepBuffers<Float>.self), count: length) {
            return
        }
        R.update(coefficients, b, count: length)
    }
}
