/// Adadelta (torch.optim.Adadelta): step sizes from running averages of squared gradients and
/// squared updates.
///
///     g = -g if maximize;  g = g + wd*p
///     v = rho*v + (1-rho)*g*g
///     delta = sqrt(u + eps) / sqrt(v + eps) * g
///     u = rho*u + (1-rho)*delta*delta
///     p = p - lr*delta
public enum AdadeltaRule: UpdateRule {
    public struct Coefficients: Sendable {
        var lr, rho, eps, weightDecay: Double
        var maximize: Bool
    }

    public static func stateNames(_ h: Hyperparameters) -> [String] { ["square_avg", "acc_delta"] }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        Coefficients(lr: lr, rho: h.rho, eps: h.eps, weightDecay: h.weightDecay, maximize: h.maximize)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let lr = T(c.lr), rho = T(c.rho), w = T(1 - c.rho), eps = T(c.eps), wd = T(c.weightDecay)
        let p = b.p, g = b.g, v = b.s0!, u = b.s1!
        for i in 0..<count {
            let gi = effectiveGradient(g[i], p[i], maximize: c.maximize, l2: wd)
            let vi = v[i] * rho + w * (gi * gi)
            v[i] = vi
            let std = (vi + eps).squareRoot()
            let delta = (u[i] + eps).squareRoot() / std * gi
            u[i] = u[i] * rho + w * (delta * delta)
            p[i] = p[i] - lr * delta
        }
    }
}
