/// Reductions to a scalar. sum: `y = Σᵢ xᵢ`, dxᵢ = dy. mean: `y = Σᵢ xᵢ / n`, dxᵢ = dy / n.
extension Variable {
    /// The sum of all elements (a scalar).
    public func sum() -> Variable { tape.reduce(self, mean: false) }
    /// The mean of all elements (a scalar).
    public func mean() -> Variable { tape.reduce(self, mean: true) }
}

extension Tape {
    func reduce(_ x: Variable, mean: Bool) -> Variable {
        let xv = value(x)
        let out = outputBuffer(like: [])
        out.pointer[0] = mean ? Kernels.mean(xv.pointer, count: xv.count) : Kernels.sum(xv.pointer, count: xv.count)
        return record(mean ? .mean(x.id) : .sum(x.id), value: out, x)
    }

    /// Broadcasts `scale · dy` to every element of the input's gradient.
    func reductionPullback(_ id: Int, _ x: Int, scale: Float) {
        guard let t = gradientTarget(x) else { return }
        let g = gradientBuffer(id).pointer[0] * scale
        let dx = t.tensor
        if t.accumulate {
            for i in 0..<dx.count { dx.pointer[i] += g }
        } else {
            dx.fill(g)
        }
    }
}
