import _CKernels

extension LionRule {
    /// The float32 step as one fused, vectorised C pass (`descent_lion_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_lion_coefficients(lr: Float(c.lr), beta1: Float(c.beta1), w1: Float(1 - c.beta1),
                                          beta2: Float(c.beta2), w2: Float(1 - c.beta2),
                                          weightDecay: Float(c.weightDecay), maximize: c.maximize)
        descent_lion_step(k, b.p, b.g, b.s0!, count)
        return true
    }
}
