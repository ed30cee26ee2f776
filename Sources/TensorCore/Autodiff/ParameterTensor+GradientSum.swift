/// Summing the gradients of two computations into one parameter: the parameter's gradient from
/// one part of a batch and a substitute's (`Tape.substitute(_:with:)`) from the other.
extension ParameterTensor {
    /// Adds `other`'s gradient into this one's over elements `range`, as backward adds a second
    /// contribution: `grad[i] += other.grad[i]` when both are present, a copy when only `other`'s
    /// is, nothing when `other` has none. Ranges may run on different threads at once; afterwards
    /// call `takeGradientPresence(of:)` once.
    public func addGradient(of other: ParameterTensor, elements range: Range<Int>) {
        precondition(other.count == count && range.lowerBound >= 0 && range.upperBound <= count,
                     "ParameterTensor.addGradient: elements \(range) of \(other.shape) into \(shape)")
        guard other.hasGradient, !range.isEmpty else { return }
        Kernels.writeOrAccumulate(other.grad.pointer + range.lowerBound, scaledBy: 1,
                                  into: grad.pointer + range.lowerBound, count: range.count, accumulate: hasGradient)
    }

    /// Marks this gradient present when `other`'s is (after `addGradient(of:elements:)` covered
    /// every element).
    public func takeGradientPresence(of other: ParameterTensor) {
        if other.hasGradient { hasGradient = true }
    }
}
