import TensorCore

/// Linear regression, `ŷ = x · w + b` with w of shape `[inputs, outputs]`, trained on d2l's
/// squared loss `mean((ŷ - y)²) / 2`. Starts from w = b = 0 by default, as d2l's airfoil
/// experiment (and its golden numbers) do; any other initialiser draws w row-major.
public final class LinearRegression: Model {
    public let layer: Linear
    public let parameters: [ParameterTensor]
    public let tape = Tape()
    public var task: Task { .regression }
    public var inputSize: Int { layer.inputs }
    public var outputSize: Int { layer.outputs }

    public init(inputSize: Int, outputSize: Int = 1, initializer: Initializer = .zero, generator: inout SeededGenerator) {
        layer = Linear(inputs: inputSize, outputs: outputSize, activation: .identity, initializer: initializer,
                       generator: &generator, name: "layers.0")
        parameters = [layer.weight, layer.bias]
    }

    /// As above, with a fresh generator seeded by `seed` (unused by the zero initialiser).
    public convenience init(inputSize: Int, outputSize: Int = 1, initializer: Initializer = .zero, seed: UInt64 = 0) {
        var g = SeededGenerator(seed: seed)
        self.init(inputSize: inputSize, outputSize: outputSize, initializer: initializer, generator: &g)
    }

    public func forward(_ x: Variable) -> Variable { layer(x) }
}
