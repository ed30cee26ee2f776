import Testing
import NN
import Optimizers
import TensorCore

@Suite struct ModelSpecTests {
    @Test(arguments: [
        ("mlp:100,100,100,100", ModelSpec(architecture: .mlp(hiddenSizes: [100, 100, 100, 100]))),
        ("linear", ModelSpec(architecture: .linear)),
        ("linear,init=normal(0.01)", ModelSpec(architecture: .linear, initializer: .normal(std: 0.01))),
        ("mlp:50,20,activation=tanh,init=xavier", ModelSpec(architecture: .mlp(hiddenSizes: [50, 20]), activation: .tanh, initializer: .xavier)),
        (" MLP:8 ", ModelSpec(architecture: .mlp(hiddenSizes: [8]))),
    ])
    func validStringsParseAndPrintBack(text: String, expected: ModelSpec) throws {
        let spec = try ModelSpec(parsing: text)
        #expect(spec == expected)
        #expect(try ModelSpec(parsing: spec.description) == spec)
    }

    @Test(arguments: [
        ("mlp", "mlp needs at least one hidden size, e.g. mlp:100,100"),
        ("mlp:100,x", "'x' is not a positive layer size"),
        ("mlp:100,0", "'0' is not a positive layer size"),
        ("mlp:100,activation=gelu", "unknown activation 'gelu'"),
        ("mlp:100,depth=3", "unknown option 'depth'"),
        ("linear:10", "linear takes no layer sizes"),
        ("cnn:3", "unknown model 'cnn'"),
    ])
    func invalidStringsNameTheStringAndWhatIsAllowed(text: String, problem: String) {
        do {
            _ = try ModelSpec(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch let error as ModelError {
            #expect(error == .invalidSpec(spec: text, problem: problem))
            #expect(error.description.hasPrefix("invalid model '\(text)': \(problem); allowed: linear or mlp:H1,H2,..."))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func makeModelTakesInputAndOutputSizesFromTheDataset() {
        let spec = ModelSpec(architecture: .mlp(hiddenSizes: [100, 100, 100, 100]))
        let model = spec.makeModel(inputSize: 784, outputSize: 10, task: .classification, seed: 1)
        #expect(model.parameterShapes == [[784, 100], [100], [100, 100], [100], [100, 100], [100], [100, 100], [100], [100, 10], [10]])
        #expect(model.parameterCount == 784 * 100 + 3 * 100 * 100 + 100 * 10 + 4 * 100 + 10)
        #expect(model.parameterNames.first == "layers.0.weight" && model.parameterNames.last == "layers.4.bias")
        let regression = ModelSpec(architecture: .linear).makeModel(inputSize: 5, outputSize: 1, task: .regression, seed: 1)
        #expect(regression is LinearRegression && regression.exportWeights() == [[0, 0, 0, 0, 0], [0]])
        let softmax = ModelSpec(architecture: .linear).makeModel(inputSize: 5, outputSize: 3, task: .classification, seed: 1)
        #expect(softmax.task == .classification && softmax.parameterShapes == [[5, 3], [3]])
    }
}

@Suite struct ModelTests {
    @Test func forwardGivesOneRowOfOutputsPerExample() {
        let model = MLP(inputSize: 4, hiddenSizes: [8, 8], outputSize: 3, seed: 1)
        let out = model.forward(Tensor(repeating: 0.5, shape: [5, 4]))
        #expect(out.shape == [5, 3])
        #expect(out.scalars.allSatisfy { $0.isFinite })
        // Identical inputs give the same outputs (up to sgemm's rounding, which may differ by row).
        #expect((1..<5).allSatisfy { r in (0..<3).allSatisfy { abs(out[r, $0] - out[0, $0]) < 1e-5 } })
    }

    @Test func forwardOfATinyNetworkMatchesAHandComputation() throws {
        let model = MLP(inputSize: 2, hiddenSizes: [2], outputSize: 1, task: .regression, seed: 1)
        try model.importWeights([[1, -1, 2, 1], [0, -3], [1, 2], [0.5]])
        // h = relu([1, 1]·[[1, -1], [2, 1]] + [0, -3]) = relu([3, -3]) = [3, 0]; y = 3·1 + 0·2 + 0.5.
        #expect(model.forward(Tensor([1, 1], shape: [1, 2])).scalars == [3.5])
    }

    @Test func parametersAreOptimizableInPlace() {
        let model = MLP(inputSize: 3, hiddenSizes: [4], outputSize: 2, seed: 1)
        let p = model.parameters[0]
        #expect(p.valuePointer == p.value.pointer && p.count == 12)
        #expect(p.gradientPointer == nil)
        model.lossAndGradients(x: Tensor(repeating: 1, shape: [2, 3]), targets: .classes([0, 1]))
        #expect(p.gradientPointer == p.grad.pointer)
        let asOptimizable: [any OptimizableParameter<Float>] = model.parameters
        #expect(asOptimizable.count == 4)
        model.zeroGrad()
        #expect(p.gradientPointer == nil)
    }

    @Test func int32LabelBuffersGiveTheSameLossAndGradients() {
        let model = MLP(inputSize: 3, hiddenSizes: [4], outputSize: 3, seed: 1)
        let x = Tensor([1, 0, -1, 0.5, 2, 0], shape: [2, 3])
        let loss = model.lossAndGradients(x: x, targets: .classes([2, 1]))
        let grads = model.parameters.map(\.grad.scalars)
        let int32Labels: [Int32] = [2, 1]
        let loss32 = int32Labels.withUnsafeBufferPointer { model.lossAndGradients(x: x, targets: .labels($0)) }
        #expect(loss32 == loss && model.parameters.map(\.grad.scalars) == grads)
        let accuracy = int32Labels.withUnsafeBufferPointer { model.evaluate(x: x, targets: .labels($0)).accuracy }
        #expect(accuracy == model.evaluate(x: x, targets: .classes([2, 1])).accuracy)
    }

    @Test func weightsRoundTripThroughFlatArrays() throws {
        let a = MLP(inputSize: 3, hiddenSizes: [4], outputSize: 2, seed: 1)
        let b = MLP(inputSize: 3, hiddenSizes: [4], outputSize: 2, seed: 2)
        try b.importWeights(a.exportWeights())
        #expect(b.exportWeights() == a.exportWeights())
        let x = Tensor([1, 2, 3], shape: [1, 3])
        #expect(b.forward(x).scalars == a.forward(x).scalars)
    }

    @Test func importRejectsWeightsThatDoNotFitAndSaysWhich() {
        let model = MLP(inputSize: 3, hiddenSizes: [4], outputSize: 2, seed: 1)
        let before = model.exportWeights()
        var wrong = before
        wrong[2] = [1, 2, 3]
        #expect(throws: ModelError.weightCountMismatch(parameter: "layers.1.weight", shape: [4, 2], expected: 8, got: 3)) {
            try model.importWeights(wrong)
        }
        #expect(ModelError.weightCountMismatch(parameter: "layers.1.weight", shape: [4, 2], expected: 8, got: 3).description
                == "parameter layers.1.weight of shape [4, 2] needs 8 values, got 3")
        #expect(throws: ModelError.parameterCountMismatch(expected: 4, got: 2)) { try model.importWeights(Array(before.prefix(2))) }
        #expect(model.exportWeights() == before, "nothing is written when any parameter does not fit")
    }

    @Test func handWrittenSGDLowersTheLossOfATinyClassificationProblem() {
        // Three Gaussian blobs in 2-D, 60 points, a 2-16-3 ReLU network, plain SGD on the pointers.
        var g = SeededGenerator(seed: 4)
        let centres: [(Double, Double)] = [(-2, 0), (2, 0), (0, 2.5)]
        var values: [Float] = [], labels: [Int] = []
        for i in 0..<60 {
            let c = i % 3
            values += [Float(centres[c].0 + 0.5 * g.normal()), Float(centres[c].1 + 0.5 * g.normal())]
            labels.append(c)
        }
        let x = Tensor(values, shape: [60, 2])
        let model = MLP(inputSize: 2, hiddenSizes: [16], outputSize: 3, seed: 5)
        let initial = model.evaluate(x: x, targets: .classes(labels))
        for _ in 0..<100 {
            model.lossAndGradients(x: x, targets: .classes(labels))
            for p in model.parameters {
                guard let grad = p.gradientPointer else { continue }
                for i in 0..<p.count { p.valuePointer[i] -= 0.1 * grad[i] }
            }
        }
        let final = model.evaluate(x: x, targets: .classes(labels))
        #expect(final.loss < initial.loss / 4, "loss \(initial.loss) → \(final.loss)")
        #expect(final.accuracy! >= 0.95)
    }
}

@Suite struct GradientAccumulationTests {
    @Test func accumulatingTwoHalvesGivesTwiceTheMeanGradientOfEach() {
        let model = MLP(inputSize: 2, hiddenSizes: [3], outputSize: 2, seed: 3)
        let a = Tensor([1, 2], shape: [1, 2]), b = Tensor([-1, 0.5], shape: [1, 2])
        model.lossAndGradients(x: a, targets: .classes([0]))
        let first = model.parameters.map(\.grad.scalars)
        model.lossAndGradients(x: b, targets: .classes([1]))
        let second = model.parameters.map(\.grad.scalars)
        model.lossAndGradients(x: a, targets: .classes([0]))
        model.lossAndGradients(x: b, targets: .classes([1]), accumulate: true)
        for (k, p) in model.parameters.enumerated() {
            let expected = zip(first[k], second[k]).map { $0 + $1 }
            #expect(zip(p.grad.scalars, expected).allSatisfy { abs($0 - $1) < 1e-6 })
        }
    }
}
