/// A trainable tensor: its value and a gradient buffer of the same shape, allocated once.
///
/// As in PyTorch, `backward()` adds into `grad` (the first contribution after `zeroGrad()`
/// overwrites instead, so no zero-fill pass is needed) and `hasGradient` says whether a
/// gradient is present. An optimizer updates `value` in place through its stable pointer.
public final class ParameterTensor {
    /// The current values (updated in place; the storage never moves).
    public let value: Tensor
    /// dLoss/dValue, valid when `hasGradient` is true.
    public let grad: Tensor
    /// A readable name such as `layers.0.weight` (for checkpoints and error messages).
    public var name: String
    /// Whether backward computes a gradient for this parameter (`requires_grad`).
    public var requiresGrad: Bool
    /// Whether `grad` holds a gradient (set by backward, cleared by `zeroGrad()`).
    public internal(set) var hasGradient = false

    /// A parameter over `value`'s storage (shared, not copied).
    public init(_ value: Tensor, name: String = "", requiresGrad: Bool = true) {
        self.value = value
        self.grad = Tensor(zeros: value.shape)
        self.name = name
        self.requiresGrad = requiresGrad
    }

    /// The shape of the value and of the gradient.
    public var shape: [Int] { value.shape }

    /// Number of elements.
    public var count: Int { value.count }

    /// Forgets the gradient before the next backward pass. With `setToNone` (the default, as in
    /// PyTorch 2) the gradient becomes absent and the next backward overwrites the buffer;
    /// otherwise the buffer is filled with zeros and stays present.
    public func zeroGrad(setToNone: Bool = true) {
        if setToNone { hasGradient = false } else { grad.fill(0); hasGradient = true }
    }

    /// The gradient, or nil when none is present.
    public var gradient: Tensor? { hasGradient ? grad : nil }
}
