extension StepBuffers {
    /// Buffers for one chunk: the values, the gradient and the rule's state slots in slot order
    /// (at most three; missing slots are nil). Public so that code outside the module (tests,
    /// benchmarks) can call a rule's `update` and `fastUpdate` directly.
    public init(values: UnsafeMutablePointer<T>, gradient: UnsafeMutablePointer<T>,
                state: [UnsafeMutablePointer<T>] = []) {
        precondition(state.count <= 3, "StepBuffers: \(state.count) state slots (allowed: at most 3)")
        self.init(p: values, g: gradient, s0: state.first, s1: state.count > 1 ? state[1] : nil,
                  s2: state.count > 2 ? state[2] : nil)
    }
}
