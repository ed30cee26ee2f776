/// Adagrad (torch.optim.Adagrad): per-element learning rates from the sum of squared gradients.
///
///     g = -g if maximize;  g = g + wd*p
///     clr = lr / (1 + (t-1)*lr_decay)
///     s = s + g*g                       (s starts at initial_accumulator_value)
///     p = p - clr * g / (sqrt(s) + eps)
public enum AdagradRule: UpdateRule {
    public struct Coefficients: Sendable {
        var clr, weightDecay, eps: Double
        var maximize: Bool
    }

    public static func stateNames(_ h: Hyperparameters) -> [String] { ["sum"] }
    public static func initialStateValue(_ h: Hyperparameters) -> Double { h.initialAccumulatorValue }

    public static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients {
        Coefficients(clr: lr / (1 + Double(t - 1) * h.lrDecay), weightDecay: h.weightDecay, eps: h.eps, maximize: h.maximize)
    }

    @_specialize(where T == Float) @_specialize(where T == Double)
    public static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int) {
        let clr = T(c.clr), wd = T(c.weightDecay), eps = T(c.eps)
        let p = b.p, g = b.g, s = b.s0!
        for i in 0..<count {
            let gi = effectiveGradient(g[i], p[i], maximize: c.maximize, l2: wd)
            let si = s[i] + gi * gi
            s[i] = si
            p[i] = p[i] - clr * (gi / (si.squareRoot() + eps))
        }
    }
}
