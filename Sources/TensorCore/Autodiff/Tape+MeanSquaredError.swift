/// Mean squared error between a prediction and a target with the same number of elements
/// (shapes `[n, 1]` and `[n]` both fit). Forward: `L = c · Σᵢ (pᵢ - tᵢ)² / n` with c = 1, or
/// c = 1/2 when `halved` (d2l's squared loss, `mean((ŷ - y)² / 2)`, used by the airfoil golden).
/// Pullback: `dp = dL · 2c · (p - t) / n`, `dt = -dp`.
extension Variable {
    /// Mean squared error against `target`; `halved` divides it by 2 (d2l's convention).
    public func meanSquaredError(_ target: Variable, halved: Bool = false) -> Variable {
        tape.meanSquaredError(self, target, halved: halved)
    }
}

extension Tape {
    func meanSquaredError(_ prediction: Variable, _ target: Variable, halved: Bool) -> Variable {
        let p = value(prediction), t = value(target)
        precondition(p.count == t.count, "meanSquaredError: prediction \(p.shape) and target \(t.shape) differ in size")
        let diff = scratchBuffer(nodes.count, like: p.shape)
        Kernels.subtract(p.pointer, t.pointer, diff.pointer, count: p.count)
        var s: Double = 0
        for i in 0..<diff.count { let d = Double(diff.pointer[i]); s += d * d }
        let out = outputBuffer(like: [])
        out.pointer[0] = p.count == 0 ? 0 : Float(s / Double(p.count) * (halved ? 0.5 : 1))
        return record(.meanSquaredError(prediction.id, target: target.id, halved: halved), value: out, prediction, target)
    }

    func meanSquaredErrorPullback(_ id: Int, _ prediction: Int, _ target: Int, halved: Bool) {
        let diff = scratchBuffer(id, like: nodes[prediction].value.shape)
        let scale = gradientBuffer(id).pointer[0] * (halved ? 1 : 2) / Float(Swift.max(diff.count, 1))
        if let t = gradientTarget(prediction) {
            Kernels.writeOrAccumulate(diff.pointer, scaledBy: scale, into: t.tensor.pointer, count: diff.count, accumulate: t.accumulate)
        }
        if let t = gradientTarget(target) {
            Kernels.writeOrAccumulate(diff.pointer, scaledBy: -scale, into: t.tensor.pointer, count: diff.count, accumulate: t.accumulate)
        }
    }
}
