/// The backward walk: seed the output gradient, then visit the record from the end, calling
/// the pullback of every operation that a gradient reached.
extension Tape {
    func backward(from output: Variable, seed: Tensor?) {
        let out = value(output)
        for i in 0..<nodes.count { gradPresent[i] = false }
        guard let (g, accumulate) = gradientTarget(output.id).map({ ($0.tensor, $0.accumulate) }) else { return }
        if let seed {
            precondition(seed.shape == out.shape, "backward: seed of shape \(seed.shape) for a value of shape \(out.shape)")
            Kernels.writeOrAccumulate(seed.pointer, scaledBy: 1, into: g.pointer, count: g.count, accumulate: accumulate)
        } else {
            precondition(out.count == 1, "backward: the output has shape \(out.shape); pass a seed or reduce it to a scalar (sum, mean, a loss)")
            g.pointer[0] = accumulate ? g.pointer[0] + 1 : 1
        }
        var id = output.id
        while id >= 0 {
            if nodes[id].requiresGrad && gradPresent[id] { pullback(id) }
            id -= 1
        }
    }

    /// Dispatches to the pullback written next to each primitive's forward.
    private func pullback(_ id: Int) {
        switch nodes[id].op {
        case .constant, .parameter: break
        case let .matmul(a, b, ta, tb): matmulPullback(id, a, b, ta, tb)
        case let .add(a, b): addPullback(id, a, b, sign: 1)
        case let .subtract(a, b): addPullback(id, a, b, sign: -1)
        case let .multiply(a, b): multiplyPullback(id, a, b)
        case let .addBias(x, b): addBiasPullback(id, x, b)
        case let .activation(x, f): activationPullback(id, x, f)
        case let .linear(x, w, b, f): linearPullback(id, x, w, b, f)
        case let .softmaxCrossEntropy(x, start): softmaxCrossEntropyPullback(id, x, labelsStart: start)
        case let .meanSquaredError(p, t, halved): meanSquaredErrorPullback(id, p, t, halved: halved)
        case let .sum(x): reductionPullback(id, x, scale: 1)
        case let .mean(x): reductionPullback(id, x, scale: 1 / Float(Swift.max(nodes[x].value.count, 1)))
        }
    }
}
