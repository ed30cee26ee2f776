import _CKernels

extension RAdamRule {
    /// The float32 step as one fused, vectorised C pass (`descent_radam_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_radam_coefficients(
            moments: descent_adam_moments(beta1: c.beta1, beta2: c.beta2, decay: c.decay, weightDecay: c.weightDecay,
                                          decoupled: c.decoupled, maximize: c.maximize),
            lr: Float(c.lr), eps: Float(c.eps), biasCorrection1: Float(c.biasCorrection1),
            biasCorrection2Sqrt: Float(c.biasCorrection2Sqrt), rect: Float(c.rect), rectified: c.rectified)
        descent_radam_step(k, b.p, b.g, b.s0!, b.s1!, count)
        return true
    }
}
