import TensorCore

/// A multilayer perceptron: `inputs → hidden[0] → … → hidden[n-1] → outputs`, each hidden layer
/// `activation(x · W + b)`, the last layer linear (logits or predictions).
///
/// Weights are drawn layer by layer, first to last, each row-major, from one generator, so a
/// seed fixes every weight; biases start at zero. The default initialiser follows "deep
/// learning from scratch": He for ReLU, Xavier for sigmoid and tanh.
public final class MLP: Model {
    public let layers: [Linear]
    public let task: Task
    public let parameters: [ParameterTensor]
    public let tape = Tape()

    public var inputSize: Int { layers[0].inputs }
    public var outputSize: Int { layers[layers.count - 1].outputs }

    /// The hidden sizes and activation that built this network.
    public var hiddenSizes: [Int] { layers.dropLast().map(\.outputs) }
    public var activation: Activation { layers.count > 1 ? layers[0].activation : .identity }

    public init(inputSize: Int, hiddenSizes: [Int], outputSize: Int, activation: Activation = .relu,
                initializer: Initializer? = nil, task: Task = .classification, generator: inout SeededGenerator) {
        precondition(inputSize > 0 && outputSize > 0 && hiddenSizes.allSatisfy { $0 > 0 },
                     "MLP: sizes must be positive, got \(inputSize) → \(hiddenSizes) → \(outputSize)")
        let initializer = initializer ?? MLP.defaultInitializer(for: activation)
        let sizes = [inputSize] + hiddenSizes + [outputSize]
        var built: [Linear] = []
        for i in 0..<(sizes.count - 1) {
            let last = i == sizes.count - 2
            built.append(Linear(inputs: sizes[i], outputs: sizes[i + 1], activation: last ? .identity : activation,
                                initializer: initializer, generator: &generator, name: "layers.\(i)"))
        }
        layers = built
        self.task = task
        parameters = built.flatMap { [$0.weight, $0.bias] }
    }

    /// As above, with a fresh generator seeded by `seed`.
    public convenience init(inputSize: Int, hiddenSizes: [Int], outputSize: Int, activation: Activation = .relu,
                            initializer: Initializer? = nil, task: Task = .classification, seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        self.init(inputSize: inputSize, hiddenSizes: hiddenSizes, outputSize: outputSize, activation: activation,
                  initializer: initializer, task: task, generator: &g)
    }

    /// He for ReLU (and identity), Xavier for sigmoid and tanh.
    public static func defaultInitializer(for activation: Activation) -> Initializer {
        activation == .relu || activation == .identity ? .he : .xavier
    }

    public func forward(_ x: Variable) -> Variable {
        var h = x
        for layer in layers { h = layer(h) }
        return h
    }
}
