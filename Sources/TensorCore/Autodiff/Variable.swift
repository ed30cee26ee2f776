/// A tensor recorded on a `Tape`: the handle autodiff works with (PyTorch's tensor with
/// `requires_grad`). Operations on variables (`matmul`, `+`, `relu()`, …) compute their result at
/// once and record themselves; `backward()` on a scalar result fills the gradients.
public struct Variable {
    /// The tape the variable is recorded on.
    public let tape: Tape
    /// Its position on the tape.
    public let id: Int
    let generation: Int

    /// The computed result (valid until the tape is reset).
    public var value: Tensor { tape.value(self) }

    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// dLoss/dSelf after `backward()`, or nil when no gradient reached this variable.
    /// For a parameter leaf this is the parameter's `grad`.
    public var grad: Tensor? { tape.gradient(self) }

    /// Backpropagates from this variable. A scalar (one element) starts from dL/dL = 1; a tensor
    /// needs `seed`, the gradient of some scalar with respect to it (PyTorch's `gradient=`).
    public func backward(seed: Tensor? = nil) { tape.backward(from: self, seed: seed) }
}
