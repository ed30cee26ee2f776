import _CKernels

extension descent_adam_moments {
    /// The float32 coefficients of the Adam family's common start (`dk_adam_moments`, used by
    /// the Adam/AdamW, NAdam and RAdam kernels): `w1 = 1 - β₁`, `w2 = 1 - β₂`, L2 decay only
    /// when not decoupled, the decoupled factor only when there is weight decay.
    init(beta1: Double, beta2: Double, decay: Double, weightDecay: Double, decoupled: Bool, maximize: Bool) {
        self.init(beta2: Float(beta2), w1: Float(1 - beta1), oneMinusW1: Float(beta1), w2: Float(1 - beta2),
                  decay: Float(decay), l2: decoupled ? 0 : Float(weightDecay), smallWeight: (1 - beta1) < 0.5,
                  decoupled: decoupled && weightDecay != 0, maximize: maximize)
    }
}
