/// NAdam (torch.optim.NAdam): Adam with Nesterov momentum and a momentum schedule.
///
///     g = -g if maximize;  decoupled: p = p*(1 - lr*wd)  else g = g + wd*p
///     mu  = b1*(1 - 0.5*0.96^(t*momentum_decay))
///     mu1 = b1*(1 - 0.5*0.96^((t+1)*momentum_decay))
///     P   = P*mu                                    (running product, starts at 1)
///     m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g*g
///     d = sqrt(v/(1-b2^t)) + eps
///     p = p - lr*(1-mu)/(1-P) * g/d - lr*mu1/(1-P*mu1) * m/d
///
/// torch keeps P in a float32 tensor whatever the parameter's type; so do we, so that float64
/// traces follow torch's digits.
public enum NAdamRule: UpdateRule {
    public struct Coefficients: Sendable {
        var gradCoef, momentumCoef, beta1, beta2, eps, weightDecay, decay, biasCorrection2: Double
        var decoupled, maximize: Bool
    }

    public static func stateNames(_ h: Hyperparameters) -> [String] { ["exp_avg", "exp_avg_sq"] }
    public static func initialScalars(_ h: Hyperparameters) -> [Double] { [1] }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        let step = Double(t)
        let mu = h.beta1 * (1 - 0.5 * power(0.96, step * h.momentumDecay))
        let muNext = h.beta1 * (1 - 0.5 * power(0.96, (step + 1) * h.momentumDecay))
        let product = Double(Float(scalars[0]) * Float(mu))
        scalars[0] = product
        return Coefficients(gradCoef: -lr * (1 - mu) / (1 - product),
                            momentumCoef: (-lr * muNext) / (1 - product * muNext),
                            beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: h.weightDecay,
                            decay: 1 - lr * h.weightDecay, biasCorrection2: 1 - power(h.beta2, step),
                            decoupled: h.decoupledWeightDecay, maximize: h.maximize)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let gc = T(c.gradCoef), mc = T(c.momentumCoef), b2 = T(c.beta2), w1 = T(1 - c.beta1), w2 = T(1 - c.beta2)
        let oneMinusW1 = T(c.beta1), small = (1 - c.beta1) < 0.5, eps = T(c.eps), bc2 = T(c.biasCorrection2)
        let decay = T(c.decay), l2 = c.decoupled ? 0 : T(c.weightDecay), decoupled = c.decoupled && c.weightDecay != 0
        let p = b.p, g = b.g, m = b.s0!, v = b.s1!
        for i in 0..<count {
            var pi = p[i]
            if decoupled { pi = pi * decay }
            let gi = effectiveGradient(g[i], pi, maximize: c.maximize, l2: l2)
            let mi = lerp(m[i], gi, w1, oneMinusW1, small)
            m[i] = mi
            let vi = v[i] * b2 + w2 * (gi * gi)
            v[i] = vi
            let d = (vi / bc2).squareRoot() + eps
            pi = pi + gc * (gi / d)
            p[i] = pi + mc * (mi / d)
        }
    }
}
