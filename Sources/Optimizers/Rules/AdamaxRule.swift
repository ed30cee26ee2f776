/// Adamax (torch.optim.Adamax): Adam with the infinity norm in place of the second moment.
///
///     g = -g if maximize;  g = g + wd*p
///     m = b1*m + (1-b1)*g
///     u = max(b2*u, |g| + eps)
///     p = p - (lr/(1-b1^t)) * m / u
public enum AdamaxRule: UpdateRule {
    public struct Coefficients: Sendable {
        var clr, beta1, beta2, eps, weightDecay: Double
        var maximize: Bool
    }

    public static func stateNames(_ h: Hyperparameters) -> [String] { ["exp_avg", "exp_inf"] }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        Coefficients(clr: lr / (1 - power(h.beta1, Double(t))), beta1: h.beta1, beta2: h.beta2, eps: h.eps,
                     weightDecay: h.weightDecay, maximize: h.maximize)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let clr = T(c.clr), b2 = T(c.beta2), w1 = T(1 - c.beta1), oneMinusW1 = T(c.beta1)
        let small = (1 - c.beta1) < 0.5, eps = T(c.eps), wd = T(c.weightDecay)
        let p = b.p, g = b.g, m = b.s0!, u = b.s1!
        for i in 0..<count {
            let gi = effectiveGradient(g[i], p[i], maximize: c.maximize, l2: wd)
            let mi = lerp(m[i], gi, w1, oneMinusW1, small)
            m[i] = mi
            let ui = Swift.max(u[i] * b2, gi.magnitude + eps)
            u[i] = ui
            p[i] = p[i] - clr * (mi / ui)
        }
    }
}
