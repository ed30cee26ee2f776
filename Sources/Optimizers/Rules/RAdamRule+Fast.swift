import _CKernels

extension RAdamRule {
    /// The float32 step as one fused, vectorised C pass (`descent_radam_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_radam_coefficients(
            lr: Float(c.lr), beta2: Float(c.beta2), w1: Float(1 - c.beta1), oneMinusW1: Float(c.beta1),
            w2: Float(1 - c.beta2), eps: Float(c.eps), biasCorrection1: Float(c.biasCorrection1),
            biasCorrection2Sqrt: Float(c.biasCorrection2Sqrt), rect: Float(c.rect), decay: Float(c.decay),
            l2: c.decoupled ? 0 : Float(c.weightDecay), smallWeight: (1 - c.beta1) < 0.5,
            rectified: c.rectified, decoupled: c.decoupled && c.weightDecay != 0, maximize: c.maximize)
        descent_radam_step(k, b.p, b.g, b.s0!, b.s1!, count)
        return true
    }
}
