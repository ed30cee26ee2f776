/// RMSprop (torch.optim.RMSprop), optionally centered and with momentum.
///
///     g = -g if maximize;  g = g + wd*p
///     v = alpha*v + (1-alpha)*g*g
///     centered: a = alpha*a + (1-alpha)*g;  d = sqrt(v - a*a) + eps
///     else:     d = sqrt(v) + eps
///     momentum > 0: b = momentum*b + g/d;  p = p - lr*b
///     else:         p = p - lr*g/d
public enum RMSpropRule: UpdateRule {
    public struct Coefficients: Sendable {
        var lr, alpha, eps, weightDecay, momentum: Double
        var centered, maximize: Bool
    }

    /// Slots: square_avg, then grad_avg when centered, then momentum_buffer when momentum > 0.
    public static func stateNames(_ h: Hyperparameters) -> [String] {
        ["square_avg"] + (h.centered ? ["grad_avg"] : []) + (h.momentum > 0 ? ["momentum_buffer"] : [])
    }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        Coefficients(lr: lr, alpha: h.alpha, eps: h.eps, weightDecay: h.weightDecay, momentum: h.momentum,
                     centered: h.centered, maximize: h.maximize)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let lr = T(c.lr), alpha = T(c.alpha), w = T(1 - c.alpha), eps = T(c.eps), wd = T(c.weightDecay)
        let mom = T(c.momentum), small = (1 - c.alpha) < 0.5, oneMinusW = T(c.alpha)
        let p = b.p, g = b.g, v = b.s0!
        let a = c.centered ? b.s1 : nil
        let buf = c.momentum > 0 ? (c.centered ? b.s2 : b.s1) : nil
        for i in 0..<count {
            let gi = effectiveGradient(g[i], p[i], maximize: c.maximize, l2: wd)
            let vi = v[i] * alpha + w * (gi * gi)
            v[i] = vi
            var d: T
            if let a {
                let ai = lerp(a[i], gi, w, oneMinusW, small)
                a[i] = ai
                d = (vi - ai * ai).squareRoot()
            } else {
                d = vi.squareRoot()
            }
            d = d + eps
            if let buf {
                let bi = buf[i] * mom + gi / d
                buf[i] = bi
                p[i] = p[i] - lr * bi
            } else {
                p[i] = p[i] - lr * (gi / d)
            }
        }
    }
}
