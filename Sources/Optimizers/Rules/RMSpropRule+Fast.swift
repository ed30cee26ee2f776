import _CKernels

extension RMSpropRule {
    /// The float32 step as one fused, vectorised C pass (`descent_rmsprop_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let useMomentum = c.momentum > 0
        let k = descent_rmsprop_coefficients(
            lr: Float(c.lr), alpha: Float(c.alpha), w: Float(1 - c.alpha), oneMinusW: Float(c.alpha),
            eps: Float(c.eps), weightDecay: Float(c.weightDecay), momentum: Float(c.momentum),
            smallWeight: (1 - c.alpha) < 0.5, centered: c.centered, useMomentum: useMomentum,
            maximize: c.maximize)
        let gradAvg = c.centered ? b.s1 : nil
        let momentumBuffer = useMomentum ? (c.centered ? b.s2 : b.s1) : nil
        descent_rmsprop_step(k, b.p, b.g, b.s0!, gradAvg, momentumBuffer, count)
        return true
    }
}
