/// Lion (optax.lion; Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"):
/// the sign of an interpolated momentum, with decoupled weight decay.
///
///     g = -g if maximize
///     c = b1*m + (1-b1)*g
///     p = p - lr*(sign(c) + wd*p)          (sign(0) = 0)
///     m = b2*m + (1-b2)*g
public enum LionRule: UpdateRule {
    public struct Coefficients: Sendable {
        var lr, beta1, beta2, weightDecay: Double
        var maximize: Bool
    }

    public static func stateNames(_ h: Hyperparameters) -> [String] { ["exp_avg"] }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        Coefficients(lr: lr, beta1: h.beta1, beta2: h.beta2, weightDecay: h.weightDecay, maximize: h.maximize)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let lr = T(c.lr), b1 = T(c.beta1), w1 = T(1 - c.beta1), b2 = T(c.beta2), w2 = T(1 - c.beta2)
        let wd = T(c.weightDecay)
        let p = b.p, g = b.g, m = b.s0!
        for i in 0..<count {
            let gi = c.maximize ? -g[i] : g[i]
            let ci = w1 * gi + b1 * m[i]
            let sign: T = ci > 0 ? 1 : (ci < 0 ? -1 : 0)
            p[i] = p[i] - lr * (sign + wd * p[i])
            m[i] = w2 * gi + b2 * m[i]
        }
    }
}
