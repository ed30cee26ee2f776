import _CKernels

extension AdagradRule {
    /// The float32 step as one fused, vectorised C pass (`descent_adagrad_step`): the same
    /// operations as `update`, so the same numbers.
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool {
        let k = descent_adagrad_coefficients(clr: Float(c.clr), weightDecay: Float(c.weightDecay),
                                             eps: Float(c.eps), maximize: c.maximize)
        descent_adagrad_step(k, b.p, b.g, b.s0!, count)
        return true
    }
}
