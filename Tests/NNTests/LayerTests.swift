import Testing
import NN
import TensorCore

@Suite struct LayerTests {
    @Test func linearLayerShapesNamesAndZeroBias() {
        var g = SeededGenerator(seed: 1)
        let layer = Linear(inputs: 4, outputs: 3, activation: .relu, initializer: .he, generator: &g, name: "layers.2")
        #expect(layer.weight.shape == [4, 3] && layer.bias.shape == [3])
        #expect(layer.weight.name == "layers.2.weight" && layer.bias.name == "layers.2.bias")
        #expect(layer.bias.value.scalars == [0, 0, 0])
        #expect(layer.inputs == 4 && layer.outputs == 3)
    }

    @Test func weightsAreDrawnRowMajorFromTheGenerator() {
        var g = SeededGenerator(seed: 9)
        let layer = Linear(inputs: 3, outputs: 2, initializer: .normal(std: 0.5), generator: &g)
        var reference = SeededGenerator(seed: 9)
        let expected = (0..<6).map { _ in Float(0.5 * reference.normal()) }
        #expect(layer.weight.value.scalars == expected)
        #expect(g == reference, "the layer consumed exactly one draw per weight")
    }

    @Test func heInitialisationHasStandardDeviationSqrtTwoOverFanIn() {
        var g = SeededGenerator(seed: 2)
        let layer = Linear(inputs: 784, outputs: 100, initializer: .he, generator: &g)
        let w = layer.weight.value.scalars.map(Double.init)
        let mean = w.reduce(0, +) / Double(w.count)
        let std = (w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(w.count)).squareRoot()
        let expected = (2.0 / 784).squareRoot()
        #expect(abs(mean) < 0.01 * expected * 10)
        #expect(abs(std / expected - 1) < 0.02)
    }

    @Test(arguments: [(Initializer.he, 2.0 / 50), (.xavier, 1.0 / 50), (.normal(std: 0.01), 1e-4)])
    func standardDeviationOfEachInitialiser(initializer: Initializer, variance: Double) {
        #expect(abs(initializer.standardDeviation(fanIn: 50) - variance.squareRoot()) < 1e-12)
    }

    @Test func zeroInitialisationDrawsNothing() {
        var g = SeededGenerator(seed: 3)
        let layer = Linear(inputs: 5, outputs: 1, initializer: .zero, generator: &g)
        #expect(layer.weight.value.scalars.allSatisfy { $0 == 0 })
        #expect(g == SeededGenerator(seed: 3))
    }

    @Test func theSameSeedGivesTheSameNetworkAndAnotherSeedAnother() {
        let a = MLP(inputSize: 6, hiddenSizes: [5, 4], outputSize: 3, seed: 11)
        let b = MLP(inputSize: 6, hiddenSizes: [5, 4], outputSize: 3, seed: 11)
        let c = MLP(inputSize: 6, hiddenSizes: [5, 4], outputSize: 3, seed: 12)
        #expect(a.exportWeights() == b.exportWeights())
        #expect(a.exportWeights() != c.exportWeights())
    }

    @Test func layersDrawInOrderFromOneGenerator() {
        let mlp = MLP(inputSize: 3, hiddenSizes: [2], outputSize: 2, seed: 5)
        var g = SeededGenerator(seed: 5)
        let first = (0..<6).map { _ in Float((2.0 / 3).squareRoot() * g.normal()) }
        let second = (0..<4).map { _ in Float((2.0 / 2).squareRoot() * g.normal()) }
        #expect(mlp.exportWeights() == [first, [0, 0], second, [0, 0]])
    }

    @Test func initialiserAndActivationNamesParse() throws {
        #expect(try Initializer(parsing: "he") == .he)
        #expect(try Initializer(parsing: "Xavier") == .xavier)
        #expect(try Initializer(parsing: "normal(0.01)") == .normal(std: 0.01))
        #expect(try Initializer(parsing: "zero") == .zero)
        #expect(try Activation(parsing: "tanh") == .tanh)
        #expect(throws: ModelError.invalidInitializer("normal(-1)")) { try Initializer(parsing: "normal(-1)") }
        #expect(throws: ModelError.invalidActivation("gelu")) { try Activation(parsing: "gelu") }
        #expect(ModelError.invalidActivation("gelu").description == "invalid activation 'gelu'; allowed: relu, sigmoid, tanh, identity")
    }
}
