/// Everything needed to continue an optimizer bit for bit: each group's hyper-parameters and
/// initial lr, each parameter's step count, scalar state and buffers, and the step counters.
public struct OptimizerStateDict<Scalar: OptimizerScalar>: Codable, Equatable {
    public struct Group: Codable, Equatable {
        public var hyperparameters: Hyperparameters
        public var initialLearningRate: Double
        public var parameterSizes: [Int]
    }

    public struct ParameterRecord: Codable, Equatable {
        public var step: Int
        public var scalars: [Double]
        public var names: [String]
        public var buffers: [[Scalar]]
    }

    public var kind: OptimizerKind
    public var groups: [Group]
    /// `state[g][p]`: nil for a parameter that has not stepped yet.
    public var state: [[ParameterRecord?]]
    public var stepCount: Int
    public var skippedSteps: Int
}

extension Optimizer {
    /// A copy of the whole optimizer state (torch's `state_dict()`).
    public func stateDict() -> OptimizerStateDict<Scalar> {
        OptimizerStateDict(
            kind: kind,
            groups: groups.map { .init(hyperparameters: $0.hyperparameters, initialLearningRate: $0.initialLearningRate,
                                       parameterSizes: $0.parameters.map(\.count)) },
            state: states.map { row in
                row.map { s in
                    s.map { .init(step: $0.step, scalars: $0.scalars, names: $0.names,
                                  buffers: (0..<$0.names.count).map($0.buffer)) }
                }
            },
            stepCount: stepCount, skippedSteps: skippedSteps)
    }

    /// Loads a state dict saved from an optimizer of the same kind over parameters of the same
    /// shapes (torch's `load_state_dict`); refuses, with the reason, one that does not fit.
    public func load(_ dict: OptimizerStateDict<Scalar>) throws {
        guard dict.kind == kind else {
            throw OptimizerError.stateMismatch("saved for \(dict.kind.rawValue), this optimizer is \(kind.rawValue)")
        }
        guard dict.groups.count == groups.count, dict.state.count == groups.count else {
            throw OptimizerError.stateMismatch("\(dict.groups.count) parameter groups saved, \(groups.count) here")
        }
        for (gi, saved) in dict.groups.enumerated() {
            let sizes = groups[gi].parameters.map(\.count)
            guard saved.parameterSizes == sizes, dict.state[gi].count == sizes.count else {
                throw OptimizerError.stateMismatch("group \(gi): saved parameter sizes \(saved.parameterSizes), here \(sizes)")
            }
            try saved.hyperparameters.validate(for: kind)
            for (pi, record) in dict.state[gi].enumerated() {
                guard let r = record else { continue }
                guard r.buffers.count == r.names.count, r.buffers.allSatisfy({ $0.count == sizes[pi] }) else {
                    throw OptimizerError.stateMismatch("group \(gi) parameter \(pi): buffers do not have \(sizes[pi]) elements")
                }
                guard r.names == kind.stateNames(saved.hyperparameters) else {
                    throw OptimizerError.stateMismatch("group \(gi) parameter \(pi): buffers \(r.names), expected \(kind.stateNames(saved.hyperparameters))")
                }
            }
        }
        for (gi, saved) in dict.groups.enumerated() {
            groups[gi].hyperparameters = saved.hyperparameters
            groups[gi].initialLearningRate = saved.initialLearningRate
            for (pi, record) in dict.state[gi].enumerated() {
                guard let r = record else { states[gi][pi] = nil; continue }
                let s = ParameterState<Scalar>(count: saved.parameterSizes[pi], names: r.names, initialValue: 0, scalars: r.scalars)
                s.step = r.step
                for (k, buf) in r.buffers.enumerated() { (s.storage + k * s.count).update(from: buf, count: s.count) }
                states[gi][pi] = s
            }
        }
        stepCount = dict.stepCount
        skippedSteps = dict.skippedSteps
    }
}
