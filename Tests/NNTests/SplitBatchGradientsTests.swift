import Datasets
import Parallelism
import Testing
import TensorCore
@testable import NN

/// A batch computed in two halves (`SplitBatchGradients`): the whole batch's loss and gradients
/// up to summation order, and the same bits whether one thread or two compute them.
@Suite struct SplitBatchGradientsTests {
    /// A classification batch of `rows` rows for a `features`-input model, seeded.
    static func batch(rows: Int, features: Int, classes: Int, seed: UInt64) -> (x: Tensor, labels: [Int32]) {
        var g = SeededGenerator(seed: seed)
        let x = Tensor((0..<(rows * features)).map { _ in Float(g.normal()) }, shape: [rows, features])
        return (x, (0..<rows).map { Int32($0 * 7 % classes) })
    }

    /// Runs `body` with `labels` as the `Targets` of rows `range`.
    static func withTargets<T>(_ labels: [Int32], _ range: Range<Int>, _ body: (Targets) -> T) -> T {
        labels.withUnsafeBufferPointer { body(.labels(UnsafeBufferPointer(rebasing: $0[range]))) }
    }

    static func gradients(_ model: any Model) -> [[Float]] { model.parameters.map { $0.grad.scalars } }

    /// Loss and gradients of `x` in two halves, on this thread only or with the helper.
    static func split(_ model: any Model, _ x: Tensor, _ labels: [Int32], threads: Int) -> Float {
        let halves = SplitBatchGradients(model: model)
        let rows = x.shape[0], h = rows / 2
        return withTargets(labels, 0..<h) { first in
            withTargets(labels, h..<rows) { second in
                WorkSplitting.with(enabled: threads >= 2) {
                    let result = halves.lossAndGradients(first: (x.rows(0..<h), first), second: (x.rows(h..<rows), second))
                    #expect(result.gradientsFinite)
                    return result.loss
                }
            }
        }
    }

    @Test(arguments: [64, 65, 128])
    func halvesGiveTheWholeBatchsLossAndGradients(rows: Int) {
        let model = MLP(inputSize: 20, hiddenSizes: [24, 16], outputSize: 5, seed: 3)
        let (x, labels) = Self.batch(rows: rows, features: 20, classes: 5, seed: 11)
        let wholeLoss = Self.withTargets(labels, 0..<rows) { model.lossAndGradients(x: x, targets: $0) }
        let whole = Self.gradients(model)
        let splitLoss = Self.split(model, x, labels, threads: 1)
        #expect(abs(splitLoss - wholeLoss) <= 1e-6 * max(1, abs(wholeLoss)), "\(splitLoss) vs \(wholeLoss)")
        for (p, (a, b)) in zip(model.parameters, zip(Self.gradients(model), whole)) {
            #expect(p.hasGradient)
            let scale = b.map(abs).max() ?? 1
            #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-5 * max(scale, 1e-3) }, "\(p.name)")
        }
    }

    @Test func regressionHalvesGiveTheWholeBatchsGradients() throws {
        let model = LinearRegression(inputSize: 4, initializer: .he, seed: 2)
        var g = SeededGenerator(seed: 5)
        let x = Tensor((0..<(96 * 4)).map { _ in Float(g.normal()) }, shape: [96, 4])
        let y = Tensor((0..<96).map { _ in Float(g.normal()) }, shape: [96])
        let wholeLoss = model.lossAndGradients(x: x, targets: .values(y))
        let whole = Self.gradients(model)
        let loss = SplitBatchGradients(model: model).lossAndGradients(first: (x.rows(0..<48), .values(y.rows(0..<48))),
                                                                      second: (x.rows(48..<96), .values(y.rows(48..<96)))).loss
        #expect(abs(loss - wholeLoss) <= 1e-6 * max(1, abs(wholeLoss)))
        for (a, b) in zip(Self.gradients(model), whole) { #expect(maxDifference(a, b) <= 1e-5) }
    }

    /// The helper computes the second half and a share of the sum, or the caller takes them
    /// back: the same operations either way, so the same bits as one thread.
    @Test func twoThreadsGiveTheBitsOfOne() {
        let model = MLP(inputSize: 50, hiddenSizes: [40, 40], outputSize: 10, seed: 8)
        let (x, labels) = Self.batch(rows: 128, features: 50, classes: 10, seed: 4)
        let oneLoss = Self.split(model, x, labels, threads: 1)
        let one = Self.gradients(model)
        for _ in 0..<5 {
            #expect(Self.split(model, x, labels, threads: 2) == oneLoss)
            #expect(Self.gradients(model) == one)
        }
    }

    @Test func theTrainerSplitsBatchesOf64RowsAndMore() throws {
        let data = TrainerTestSupport.blobs(rows: 300)
        for (size, splits) in [(64, true), (63, false), (128, true)] {
            let configuration = try TrainerTestSupport.configuration(optimizer: "sgd(lr=0.1)", batchSize: .examples(size), steps: 1)
            let trainer = try Trainer(configuration: configuration, dataset: data)
            #expect((trainer.halves != nil) == splits, "batch \(size)")
        }
    }

    /// A trainer step on a batch of 64 equals the halves computed by hand: loss and update.
    @Test func aTrainingStepUsesTheHalves() throws {
        let data = TrainerTestSupport.blobs(rows: 64)
        let configuration = try TrainerTestSupport.configuration(optimizer: "sgd(lr=0.1)", batchSize: .examples(64),
                                                                 sampling: .sequential, steps: 1)
        let trainer = try Trainer(configuration: configuration, dataset: data)
        let reference = try Trainer(configuration: configuration, dataset: data).model
        let x = Tensor(data.features, shape: [64, data.featureCount])
        let before = reference.parameters.map { $0.value.scalars }
        let loss = Self.split(reference, x, data.labels!, threads: 1)
        let step = try trainer.trainStep()
        #expect(step.loss == loss)  // the same operations on the same data
        for (p, (w, (g, q))) in zip(trainer.model.parameters, zip(before, zip(Self.gradients(reference), reference.parameters))) {
            #expect(maxDifference(p.value.scalars, zip(w, g).map { $0 - Float(0.1) * $1 }) <= 1e-6, "\(q.name)")
        }
    }
}

/// Largest elementwise |a - b|.
private func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
