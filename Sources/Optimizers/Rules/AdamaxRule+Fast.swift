import _CKernels

extension AdamaxRule {
    /// The float32 step as one fused, vectorised C pass (`descent_adamax_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_adamax_coefficients(
            clr: Float(c.clr), beta2: Float(c.beta2), w1: Float(1 - c.beta1), oneMinusW1: Float(c.beta1),
            eps: Float(c.eps), weightDecay: Float(c.weightDecay), smallWeight: (1 - c.beta1) < 0.5,
            maximize: c.maximize)
        descent_adamax_step(k, b.p, b.g, b.s0!, b.s1!, count)
        return true
    }
}
