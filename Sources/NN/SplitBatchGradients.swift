import Optimizers
import Parallelism
import TensorCore

/// The loss and gradients of a batch computed as two halves, one per thread: how the trainer
/// runs every batch of at least `minimumRows` rows.
///
/// Rows `0..<h` (`h = rows / 2`) are recorded on the model's tape and backpropagated into the
/// parameters' own gradients; rows `h..<rows` on a second tape that records substitutes in place
/// of the parameters (`Tape.substitute(_:with:)`: the same values, gradient buffers of their
/// own). Each half's loss is the mean over its rows and its backward is seeded with its share of
/// the batch, `h / rows` and `(rows - h) / rows`, so that
///
///     grad = grad_first + grad_second = ∂ mean_batch(loss) / ∂p,
///     loss = (h · loss_first + (rows - h) · loss_second) / rows.
///
/// With work splitting on (`WorkSplitting`: `descent train --threads 2`), the helper thread
/// computes the second half while the calling thread computes the first, and the two threads
/// then sum halves of every gradient; with 1 thread the same operations run one after the other,
/// so a run's numbers do not depend on its thread count. They differ in the last bits from one
/// pass over the whole batch (each weight gradient is summed over the rows in two parts).
///
/// Why: in the benchmark MLP (batch 128) a whole half per core — every layer's products,
/// activations and loss — beats splitting each operation between the cores: two hand-offs per
/// step instead of about ten, each core keeps its half's activations in its own cache, and the
/// element-wise work is halved as well as the products (docs/PERFORMANCE.md).
final class SplitBatchGradients {
    /// The smallest batch computed in halves: halves of 32 rows and more.
    static let minimumRows = 64

    let model: any Model
    /// Where the second half is recorded.
    let secondTape = Tape()
    /// The second half's parameters: the model's values, gradient buffers of their own.
    let substitutes: [ParameterTensor]
    /// The two halves' backward seeds (scalars, rewritten for each batch size).
    private let firstSeed = Tensor(scalar: 0.5), secondSeed = Tensor(scalar: 0.5)

    init(model: any Model) {
        self.model = model
        substitutes = model.parameters.map { ParameterTensor($0.value, name: $0.name, requiresGrad: $0.requiresGrad) }
        for (p, s) in zip(model.parameters, substitutes) { secondTape.substitute(p, with: s) }
    }

    /// Leaves dLoss/dp of the whole batch in every parameter's gradient (previous gradients are
    /// replaced) and returns the batch's mean loss, and whether every gradient is known to be
    /// finite (checked while summing; false also when a gradient was not summed, so unchecked).
    /// Allocates nothing.
    func lossAndGradients(first: (x: Tensor, targets: Targets),
                          second: (x: Tensor, targets: Targets)) -> (loss: Float, gradientsFinite: Bool) {
        let h = first.x.shape[0], rest = second.x.shape[0], rows = h + rest
        firstSeed.pointer[0] = Float(h) / Float(rows)
        secondSeed.pointer[0] = Float(rest) / Float(rows)
        var secondHalf = Half(model: model, tape: secondTape, gradients: substitutes, x: second.x,
                              targets: second.targets, seed: secondSeed)
        var firstHalf = Half(model: model, tape: model.tape, gradients: model.parameters, x: first.x,
                             targets: first.targets, seed: firstSeed)
        var secondSum = GradientSum(parameters: model.parameters, substitutes: substitutes, part: 1)
        var firstSum = GradientSum(parameters: model.parameters, substitutes: substitutes, part: 0)
        // Each half runs whole on its thread, then each thread sums part of every gradient.
        WorkSplitting.runBoth({ firstHalf.run() }, alongside: &secondHalf)
        WorkSplitting.runBoth({ firstSum.run() }, alongside: &secondSum)
        for (p, s) in zip(model.parameters, substitutes) { p.takeGradientPresence(of: s) }
        let loss = Float((Double(firstHalf.loss) * Double(h) + Double(secondHalf.loss) * Double(rest)) / Double(rows))
        return (loss, firstSum.allFinite && secondSum.allFinite)
    }

    /// One half of the batch: forward, loss and backward on its tape, nothing in it split
    /// again (the other thread has the other half).
    private struct Half: HelperPart {
        let model: any Model, tape: Tape, gradients: [ParameterTensor], x: Tensor, targets: Targets, seed: Tensor
        var loss: Float = 0

        mutating func run() {
            loss = WorkSplitting.with(enabled: false) {
                model.lossAndGradients(on: tape, clearing: gradients, x: x, targets: targets, seed: seed)
            }
        }
    }

    /// One thread's share of `parameter.grad += substitute.grad`, cut where a two-thread
    /// optimizer step cuts each parameter (`ParallelChunks.chunking`), so that each thread then
    /// updates the elements it summed, in its cache: part 0 the first chunk of every gradient
    /// (all of one the update does not split), part 1 the second chunk of those it does.
    private struct GradientSum: HelperPart {
        let parameters: [ParameterTensor], substitutes: [ParameterTensor], part: Int
        /// Whether every sum of this part was finite.
        var allFinite = true

        mutating func run() {
            for (p, s) in zip(parameters, substitutes) where p.requiresGrad {
                let n = p.count
                let (chunks, length) = ParallelChunks.chunking(count: n, threads: 2)
                let cut = chunks == 1 ? n : length
                if !p.addGradient(of: s, elements: part == 0 ? 0..<cut : cut..<n) { allFinite = false }
            }
        }
    }
}
