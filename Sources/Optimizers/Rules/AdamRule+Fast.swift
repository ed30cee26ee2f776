import _CKernels

extension AdamRule {
    /// The float32 step (Adam, AdamW, AMSGrad) as one fused, vectorised C pass
    /// (`descent_adam_step`): the same operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_adam_coefficients(
            moments: descent_adam_moments(beta1: c.beta1, beta2: c.beta2, decay: c.decay, weightDecay: c.weightDecay,
                                          decoupled: c.decoupled, maximize: c.maximize),
            stepSize: Float(c.stepSize), eps: Float(c.eps), biasCorrection2Sqrt: Float(c.biasCorrection2Sqrt),
            amsgrad: c.amsgrad)
        descent_adam_step(k, b.p, b.g, b.s0!, b.s1!, c.amsgrad ? b.s2 : nil, count)
        return true
    }
}
