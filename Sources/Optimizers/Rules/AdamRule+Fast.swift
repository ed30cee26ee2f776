import _CKernels

extension AdamRule {
    /// The float32 step (Adam, AdamW, AMSGrad) as one fused, vectorised C pass
    /// (`descent_adam_step`): the same operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_adam_coefficients(
            stepSize: Float(c.stepSize), beta2: Float(c.beta2), w1: Float(1 - c.beta1), oneMinusW1: Float(c.beta1),
            w2: Float(1 - c.beta2), eps: Float(c.eps), biasCorrection2Sqrt: Float(c.biasCorrection2Sqrt),
            decay: Float(c.decay), l2: c.decoupled ? 0 : Float(c.weightDecay),
            smallWeight: (1 - c.beta1) < 0.5, decoupled: c.decoupled && c.weightDecay != 0,
            amsgrad: c.amsgrad, maximize: c.maximize)
        descent_adam_step(k, b.p, b.g, b.s0!, b.s1!, c.amsgrad ? b.s2 : nil, count)
        return true
    }
}
