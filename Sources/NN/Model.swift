import TensorCore

/// A trainable network: a forward pass recorded on a tape, its parameters in a fixed order,
/// and (from the extension) loss + gradients for a batch, evaluation and weight export.
///
/// Input batches are `[rows, inputSize]` tensors; outputs are `[rows, outputSize]` (logits for
/// classification, predictions for regression).
public protocol Model: AnyObject {
    /// Features per example.
    var inputSize: Int { get }
    /// Outputs per example: the number of classes, or of regression targets.
    var outputSize: Int { get }
    /// Classification (softmax cross-entropy) or regression (squared loss / 2).
    var task: Task { get }
    /// The trainable parameters, layer by layer, weight before bias. Stored, not rebuilt per call.
    var parameters: [ParameterTensor] { get }
    /// The tape this model records its steps on (reset and reused every step).
    var tape: Tape { get }
    /// Records the forward pass of `x` on `x.tape`.
    func forward(_ x: Variable) -> Variable
}

/// Loss and accuracy of a batch.
public struct Evaluation: Equatable, Sendable {
    /// The task's mean loss over the batch.
    public var loss: Float
    /// Fraction of rows whose largest logit is the label (classification only).
    public var accuracy: Double?

    public init(loss: Float, accuracy: Double?) {
        self.loss = loss
        self.accuracy = accuracy
    }
}

extension Model {
    /// The model's outputs for a batch, as a new tensor (convenient for inference; allocates).
    public func forward(_ x: Tensor) -> Tensor {
        tape.reset()
        return forward(checkedInput(x, on: tape)).value.copy()
    }

    /// One training step's worth of autodiff: clears every gradient (unless `accumulate`, which
    /// adds to the present ones, as PyTorch does without `zero_grad()`), records forward and loss
    /// on the model's tape, backpropagates, and returns the batch loss. Afterwards each
    /// parameter's `grad` holds dLoss/dParameter. Allocates nothing once the buffers exist.
    @discardableResult
    public func lossAndGradients(x: Tensor, targets: Targets, accumulate: Bool = false) -> Float {
        lossAndGradients(on: tape, clearing: accumulate ? [] : parameters, x: x, targets: targets, seed: nil)
    }

    /// `lossAndGradients` on `tape` (the model's own, or one that records substitutes in place of
    /// the parameters, for part of a batch): records forward and loss (the mean over `x`'s rows),
    /// clears the gradients of `clearing` (the parameters or their substitutes; none to add to
    /// them) and backpropagates from the loss with `seed` (nil: 1; for part of a batch, the
    /// part's share of it, so that the gradients are the part's contribution to the batch's).
    func lossAndGradients(on tape: Tape, clearing: [ParameterTensor], x: Tensor, targets: Targets,
                          seed: Tensor?) -> Float {
        let (_, loss) = recordLoss(on: tape, x: x, targets: targets)
        for p in clearing { p.zeroGrad() }
        loss.backward(seed: seed)
        return loss.value.item
    }

    /// The loss of a batch without gradients, and the accuracy for classification.
    public func evaluate(x: Tensor, targets: Targets) -> Evaluation {
        let (outputs, loss) = recordLoss(on: tape, x: x, targets: targets)
        guard task == .classification else { return Evaluation(loss: loss.value.item, accuracy: nil) }
        let logits = outputs.value, rows = logits.shape[0]
        var correct = 0
        for r in 0..<rows where Kernels.argmax(row: r, of: logits.pointer, columns: outputSize) == targets.classIndex(r) {
            correct += 1
        }
        return Evaluation(loss: loss.value.item, accuracy: rows == 0 ? 0 : Double(correct) / Double(rows))
    }

    /// Sets every parameter's gradient to absent.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// Total number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    private func recordLoss(on tape: Tape, x: Tensor, targets: Targets) -> (outputs: Variable, loss: Variable) {
        let rows = targets.rows(outputs: outputSize)
        precondition(x.rank == 2 && rows == x.shape[0], "Model: input batch \(x.shape) but targets for \(rows) rows")
        tape.reset()
        let outputs = forward(checkedInput(x, on: tape))
        return (outputs, Losses.record(task, outputs: outputs, targets: targets))
    }

    private func checkedInput(_ x: Tensor, on tape: Tape) -> Variable {
        precondition(x.rank == 2 && x.shape[1] == inputSize,
                     "Model: input batch of shape \(x.shape), expected [rows, \(inputSize)]")
        return tape.constant(x)
    }
}
