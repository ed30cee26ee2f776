import _CKernels

extension AdadeltaRule {
    /// The float32 step as one fused, vectorised C pass (`descent_adadelta_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_adadelta_coefficients(lr: Float(c.lr), rho: Float(c.rho), w: Float(1 - c.rho),
                                              eps: Float(c.eps), weightDecay: Float(c.weightDecay),
                                              maximize: c.maximize)
        descent_adadelta_step(k, b.p, b.g, b.s0!, b.s1!, count)
        return true
    }
}
