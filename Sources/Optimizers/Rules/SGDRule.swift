/// Stochastic gradient descent with momentum, dampening and Nesterov (torch.optim.SGD).
///
///     g = -g if maximize;  g = g + wd*p
///     if momentum != 0:
///         b = g on the first step, else b = momentum*b + (1-dampening)*g
///         g = nesterov ? g + momentum*b : b
///     p = p - lr*g
///
/// The d2l form v = γv + ηg, x = x - v gives the same path at momentum γ and constant lr η.
public enum SGDRule: UpdateRule {
    public struct Coefficients: Sendable {
        var lr, momentum, dampening, weightDecay: Double
        var nesterov, maximize, firstStep: Bool
    }

    public static func stateNames(_ h: Hyperparameters) -> [String] { h.momentum != 0 ? ["momentum_buffer"] : [] }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        Coefficients(lr: lr, momentum: h.momentum, dampening: h.dampening, weightDecay: h.weightDecay,
                     nesterov: h.nesterov, maximize: h.maximize, firstStep: t == 1)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let lr = T(c.lr), mom = T(c.momentum), keep = T(1 - c.dampening), wd = T(c.weightDecay)
        let p = b.p, g = b.g
        guard let buf = b.s0, c.momentum != 0 else {
            for i in 0..<count { p[i] = p[i] - lr * effectiveGradient(g[i], p[i], maximize: c.maximize, l2: wd) }
            return
        }
        for i in 0..<count {
            var gi = effectiveGradient(g[i], p[i], maximize: c.maximize, l2: wd)
            let m = c.firstStep ? gi : buf[i] * mom + keep * gi
            buf[i] = m
            gi = c.nesterov ? gi + mom * m : m
            p[i] = p[i] - lr * gi
        }
    }
}
