import Optimizers
import TensorCore

/// Model parameters are optimizer parameters: the optimizer reads the gradient and updates the
/// value in place through the tensors' own storage (no copy). No gradient present → nil, and the
/// optimizer skips the parameter.
extension ParameterTensor: OptimizableParameter {
    public typealias Scalar = Float
    public var valuePointer: UnsafeMutablePointer<Float> { value.pointer }
    public var gradientPointer: UnsafeMutablePointer<Float>? { hasGradient ? grad.pointer : nil }
}
