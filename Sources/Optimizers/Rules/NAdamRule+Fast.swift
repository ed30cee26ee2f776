import _CKernels

extension NAdamRule {
    /// The float32 step as one fused, vectorised C pass (`descent_nadam_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_nadam_coefficients(
            moments: descent_adam_moments(beta1: c.beta1, beta2: c.beta2, decay: c.decay, weightDecay: c.weightDecay,
                                          decoupled: c.decoupled, maximize: c.maximize),
            gradCoef: Float(c.gradCoef), momentumCoef: Float(c.momentumCoef), eps: Float(c.eps),
            biasCorrection2: Float(c.biasCorrection2))
        descent_nadam_step(k, b.p, b.g, b.s0!, b.s1!, count)
        return true
    }
}
