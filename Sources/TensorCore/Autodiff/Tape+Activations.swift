/// Elementwise activations. Forward: `Y = f(X)` for f = relu, sigmoid, tanh (or identity).
/// Pullback from the output: relu: dX = dY ⊙ [Y > 0]; sigmoid: dX = dY ⊙ Y(1 - Y); tanh: dX = dY ⊙ (1 - Y²).
extension Variable {
    /// `max(x, 0)`.
    public func relu() -> Variable { activated(.relu) }
    /// `1 / (1 + e^(-x))`.
    public func sigmoid() -> Variable { activated(.sigmoid) }
    /// `tanh(x)`.
    public func tanh() -> Variable { activated(.tanh) }
    /// `f(x)` for the given activation.
    public func activated(_ f: Activation) -> Variable { tape.activation(self, f) }
}

extension Tape {
    func activation(_ x: Variable, _ f: Activation) -> Variable {
        let xv = value(x)
        let out = outputBuffer(like: xv.shape)
        Tensor.activate(xv, f, into: out)
        return record(.activation(x.id, f), value: out, x)
    }

    func activationPullback(_ id: Int, _ x: Int, _ f: Activation) {
        guard let t = gradientTarget(x) else { return }
        Tensor.activationBackward(f, output: nodes[id].value, outputGradient: gradientBuffer(id),
                                  into: t.tensor, accumulate: t.accumulate)
    }
}
