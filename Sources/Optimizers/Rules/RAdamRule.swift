/// RAdam (torch.optim.RAdam): Adam whose adaptive step is switched on only once the variance
/// of the adaptive learning rate is tractable (rho_t > 5), and rectified.
///
///     g = -g if maximize;  decoupled: p = p*(1 - lr*wd)  else g = g + wd*p
///     m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g*g;  mh = m/(1-b1^t)
///     r_inf = 2/(1-b2) - 1;  r = r_inf - 2*t*b2^t/(1-b2^t)
///     r > 5: p = p - lr * mh * rect * sqrt(1-b2^t)/(sqrt(v)+eps),
///            rect = sqrt((r-4)(r-2)r_inf / ((r_inf-4)(r_inf-2)r))
///     else:  p = p - lr * mh
public enum RAdamRule: UpdateRule {
    public struct Coefficients: Sendable {
        var lr, beta1, beta2, eps, weightDecay, decay, biasCorrection1, biasCorrection2Sqrt, rect: Double
        var rectified, decoupled, maximize: Bool
    }

    public static func stateNames(_ h: Hyperparameters) -> [String] { ["exp_avg", "exp_avg_sq"] }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        let step = Double(t)
        let bc1 = 1 - power(h.beta1, step), bc2 = 1 - power(h.beta2, step)
        let rhoInf = 2 / (1 - h.beta2) - 1
        let rho = rhoInf - 2 * step * power(h.beta2, step) / bc2
        let rect = rho > 5 ? ((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho)).squareRoot() : 0
        return Coefficients(lr: lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: h.weightDecay,
                            decay: 1 - lr * h.weightDecay, biasCorrection1: bc1, biasCorrection2Sqrt: bc2.squareRoot(),
                            rect: rect, rectified: rho > 5, decoupled: h.decoupledWeightDecay, maximize: h.maximize)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let lr = T(c.lr), b2 = T(c.beta2), w1 = T(1 - c.beta1), w2 = T(1 - c.beta2), oneMinusW1 = T(c.beta1)
        let small = (1 - c.beta1) < 0.5, eps = T(c.eps), bc1 = T(c.biasCorrection1)
        let bc2s = T(c.biasCorrection2Sqrt), rect = T(c.rect)
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
            let mh = mi / bc1
            if c.rectified {
                let adaptive = bc2s / (vi.squareRoot() + eps)
                p[i] = pi - mh * lr * adaptive * rect
            } else {
                p[i] = pi - mh * lr
            }
        }
    }
}
