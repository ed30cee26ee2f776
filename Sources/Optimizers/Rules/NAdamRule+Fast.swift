import _CKernels

extension NAdamRule {
    /// The float32 step as one fused, vectorised C pass (`descent_nadam_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_nadam_coefficients(
            gradCoef: Float(c.gradCoef), momentumCoef: Float(c.momentumCoef), beta2: Float(c.beta2),
            w1: Float(1 - c.beta1), oneMinusW1: Float(c.beta1), w2: Float(1 - c.beta2), eps: Float(c.eps),
            biasCorrection2: Float(c.biasCorrection2), decay: Float(c.decay),
            l2: c.decoupled ? 0 : Float(c.weightDecay), smallWeight: (1 - c.beta1) < 0.5,
            decoupled: c.decoupled && c.weightDecay != 0, maximize: c.maximize)
        descent_nadam_step(k, b.p, b.g, b.s0!, b.s1!, count)
        return true
    }
}
