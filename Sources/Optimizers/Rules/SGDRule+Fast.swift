import _CKernels

extension SGDRule {
    /// The float32 step as one fused, vectorised C pass (`descent_sgd_step`): the same operations
    /// as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let useMomentum = c.momentum != 0 && b.s0 != nil
        let k = descent_sgd_coefficients(
            lr: Float(c.lr), momentum: Float(c.momentum), keep: Float(1 - c.dampening),
            weightDecay: Float(c.weightDecay), useMomentum: useMomentum, nesterov: c.nesterov,
            maximize: c.maximize, firstStep: c.firstStep)
        descent_sgd_step(k, b.p, b.g, useMomentum ? b.s0 : nil, count)
        return true
    }
}
