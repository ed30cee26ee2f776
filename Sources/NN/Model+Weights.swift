import TensorCore

/// Weights as plain arrays, for checkpoints: one flat row-major `[Float]` per parameter, in
/// `parameters` order (layer by layer, weight `[inputs, outputs]` then bias `[outputs]`).
extension Model {
    /// The name of each parameter (`layers.0.weight`, …), in order.
    public var parameterNames: [String] { parameters.map(\.name) }

    /// The shape of each parameter, in order.
    public var parameterShapes: [[Int]] { parameters.map(\.shape) }

    /// A copy of every parameter's values.
    public func exportWeights() -> [[Float]] { parameters.map(\.value.scalars) }

    /// Overwrites every parameter with the given values (checked first: nothing is written when
    /// any count does not fit). Gradients are cleared.
    public func importWeights(_ weights: [[Float]]) throws {
        let ps = parameters
        guard weights.count == ps.count else {
            throw ModelError.parameterCountMismatch(expected: ps.count, got: weights.count)
        }
        for (p, w) in zip(ps, weights) where w.count != p.count {
            throw ModelError.weightCountMismatch(parameter: p.name, shape: p.shape, expected: p.count, got: w.count)
        }
        for (p, w) in zip(ps, weights) {
            w.withUnsafeBufferPointer { p.value.pointer.update(from: $0.baseAddress!, count: p.count) }
            p.zeroGrad()
        }
    }
}
