import TensorCore

/// A fully connected layer, `y = activation(x · W + b)`, with W of shape `[inputs, outputs]`
/// (the layout of "deep learning from scratch" and d2l: one row per input feature) and b of
/// shape `[outputs]`. Runs as one fused tape primitive (one sgemm, one bias+activation pass).
public final class Linear {
    public let weight: ParameterTensor
    public let bias: ParameterTensor
    public let activation: Activation

    /// A layer whose weights are drawn by `initializer` from `generator` (row-major) and whose
    /// bias starts at zero. `name` prefixes the parameter names (`name.weight`, `name.bias`).
    public init(inputs: Int, outputs: Int, activation: Activation = .identity, initializer: Initializer,
                generator: inout SeededGenerator, name: String = "linear") {
        precondition(inputs > 0 && outputs > 0, "Linear: sizes must be positive, got \(inputs) → \(outputs)")
        weight = ParameterTensor(Tensor(zeros: [inputs, outputs]), name: "\(name).weight")
        bias = ParameterTensor(Tensor(zeros: [outputs]), name: "\(name).bias")
        self.activation = activation
        initializer.initialize(weight.value, generator: &generator)
    }

    /// Number of input features.
    public var inputs: Int { weight.shape[0] }
    /// Number of outputs.
    public var outputs: Int { weight.shape[1] }

    /// Records the layer on `x`'s tape.
    public func callAsFunction(_ x: Variable) -> Variable {
        x.linear(weight: x.tape.parameter(weight), bias: x.tape.parameter(bias), activation: activation)
    }
}
