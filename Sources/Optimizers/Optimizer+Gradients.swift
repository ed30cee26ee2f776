extension Optimizer {
    /// The first NaN or infinite gradient element, as an error that says where; nil if all finite.
    /// A fast pass per parameter (float32: a vectorised C kernel split across `threads` like the
    /// update, at read bandwidth), then a scan to locate the element only when one is found.
    func firstNonFiniteGradient() -> OptimizerError? {
        var bad: OptimizerError?
        forEachGradient { gi, pi, g, n in
            if bad == nil, let i = Self.firstNonFinite(g, n, threads: threads) {
                bad = .nonFiniteGradient(group: gi, parameter: pi, index: i, value: "\(g[i])")
            }
        }
        return bad
    }

    /// The index of the first non-finite value, nil when all are finite: a fast check, then a scan
    /// only when it fails. Float: `FiniteCheck` (the C kernel over parallel chunks); Double (traces,
    /// small): `sum of g*0`, which is NaN exactly when some element is not finite.
    static func firstNonFinite(_ g: UnsafeMutablePointer<Scalar>, _ count: Int, threads: Int) -> Int? {
        if Scalar.self == Float.self {
            return FiniteCheck.firstNonFinite(UnsafeRawPointer(g).assumingMemoryBound(to: Float.self), count: count, threads: threads)
        }
        var acc0: Scalar = 0, acc1: Scalar = 0, acc2: Scalar = 0, acc3: Scalar = 0
        var i = 0
        while i + 4 <= count {
            acc0 += g[i] * 0; acc1 += g[i + 1] * 0; acc2 += g[i + 2] * 0; acc3 += g[i + 3] * 0
            i += 4
        }
        while i < count { acc0 += g[i] * 0; i += 1 }
        if (acc0 + acc1 + acc2 + acc3).isFinite { return nil }
        return (0..<count).first { !g[$0].isFinite }
    }

    /// The global L2 norm of all present gradients, accumulated in Double.
    public func gradientNorm() -> Double {
        var total = 0.0
        forEachGradient { _, _, g, n in
            var s = 0.0
            for i in 0..<n { let x = Double(g[i]); s += x * x }
            total += s
        }
        return total.squareRoot()
    }

    /// Applies `clipping` in place to every present gradient (torch's clip_grad_norm_ /
    /// clip_grad_value_): by norm, `g *= maxNorm/(norm + 1e-6)` when that factor is below 1.
    /// `norm`, when given, is `gradientNorm()` of the gradients as they are (taken by `step()`).
    func applyClipping(norm knownNorm: Double? = nil) {
        switch clipping {
        case .none:
            lastGradientNorm = nil
        case let .norm(maxNorm):
            let norm = knownNorm ?? gradientNorm()
            lastGradientNorm = norm
            let coef = maxNorm / (norm + 1e-6)
            guard coef < 1 else { return }
            forEachGradient { _, _, g, n in let c = Scalar(coef); for i in 0..<n { g[i] *= c } }
        case let .value(limit):
            lastGradientNorm = nil
            let hi = Scalar(limit), lo = -hi
            forEachGradient { _, _, g, n in for i in 0..<n { g[i] = Swift.min(Swift.max(g[i], lo), hi) } }
        }
    }

    /// Calls `body(group, parameter, gradient, count)` for every parameter that has a gradient.
    /// Index loops: iterating `enumerated()` over the parameter existentials allocated once per
    /// element, in every step.
    func forEachGradient(_ body: (Int, Int, UnsafeMutablePointer<Scalar>, Int) -> Void) {
        for gi in groups.indices {
            for pi in groups[gi].parameters.indices {
                let param = groups[gi].parameters[pi]
                if let g = param.gradientPointer { body(gi, pi, g, param.count) }
            }
        }
    }
}
