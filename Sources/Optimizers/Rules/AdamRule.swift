/// Adam and AdamW (torch.optim.Adam / AdamW), with AMSGrad.
///
///     g = -g if maximize
///     decoupled: p = p*(1 - lr*wd)    else g = g + wd*p
///     m = b1*m + (1-b1)*g
///     v = b2*v + (1-b2)*g*g
///     amsgrad: vmax = max(vmax, v), used below instead of v
///     p = p - (lr/(1-b1^t)) * m / (sqrt(v)/sqrt(1-b2^t) + eps)
///
/// AdamW is this rule with decoupled weight decay (default wd 1e-2).
public enum AdamRule: UpdateRule {
    public struct Coefficients: Sendable {
        var stepSize, beta1, beta2, eps, weightDecay, decay, biasCorrection2Sqrt: Double
        var decoupled, amsgrad, maximize: Bool
    }

    public static func stateNames(_ h: Hyperparameters) -> [String] {
        ["exp_avg", "exp_avg_sq"] + (h.amsgrad ? ["max_exp_avg_sq"] : [])
    }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        let bc1 = 1 - power(h.beta1, Double(t)), bc2 = 1 - power(h.beta2, Double(t))
        return Coefficients(stepSize: lr / bc1, beta1: h.beta1, beta2: h.beta2, eps: h.eps,
                            weightDecay: h.weightDecay, decay: 1 - lr * h.weightDecay,
                            biasCorrection2Sqrt: bc2.squareRoot(),
                            decoupled: h.decoupledWeightDecay, amsgrad: h.amsgrad, maximize: h.maximize)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let stepSize = T(c.stepSize), b2 = T(c.beta2), w1 = T(1 - c.beta1), w2 = T(1 - c.beta2)
        let eps = T(c.eps), bc2s = T(c.biasCorrection2Sqrt), oneMinusW1 = T(c.beta1), small = (1 - c.beta1) < 0.5
        let decay = T(c.decay), l2 = c.decoupled ? 0 : T(c.weightDecay), decoupled = c.decoupled && c.weightDecay != 0
        let p = b.p, g = b.g, m = b.s0!, v = b.s1!, vmax = c.amsgrad ? b.s2 : nil
        for i in 0..<count {
            var pi = p[i]
            if decoupled { pi = pi * decay }
            let gi = effectiveGradient(g[i], pi, maximize: c.maximize, l2: l2)
            let mi = lerp(m[i], gi, w1, oneMinusW1, small)
            m[i] = mi
            var vi = v[i] * b2 + w2 * (gi * gi)
            v[i] = vi
            if let vmax {
                vi = Swift.max(vmax[i], vi)
                vmax[i] = vi
            }
            let denom = vi.squareRoot() / bc2s + eps
            p[i] = pi - stepSize * (mi / denom)
        }
    }
}
