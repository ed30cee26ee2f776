/// Summing the gradients of two computations into one parameter: the parameter's gradient from
/// one part of a batch and a substitute's (`Tape.substitute(_:with:)`) from the other.
extension ParameterTensor {
    /// Adds `other`'s gradient into this one's over elements `range`, as backward adds a second
    /// contribution: `grad[i] += other.grad[i]` when both are present, a copy when only `other`'s
    /// is, nothing when `other` has none. Ranges may run on different threads at once; afterwards
    /// call `takeGradientPresence(of:)` once. Returns true when every sum is known to be finite
    /// (checked on the way: `Kernels.addCheckingFinite`), false when one is not, or when nothing
    /// was summed or checked (a copy, or no gradient in `other`) and the range is not empty.
    @discardableResult
    public func addGradient(of other: ParameterTensor, elements range: Range<Int>) -> Bool {
        precondition(other.count == count && range.lowerBound >= 0 && range.upperBound <= count,
                     "ParameterTensor.addGradient: elements \(range) of \(other.shape) into \(shape)")
        guard !range.isEmpty else { return true }
        guard other.hasGradient else { return false }
        let source = other.grad.pointer + range.lowerBound, target = grad.pointer + range.lowerBound
        guard hasGradient else {
            target.update(from: source, count: range.count)
            return false
        }
        return Kernels.addCheckingFinite(source, into: target, count: range.count)
    }

    /// Marks this gradient present when `other`'s is (after `addGradient(of:elements:)` covered
    /// every element).
    public func takeGradientPresence(of other: ParameterTensor) {
        if other.hasGradient { hasGradient = true }
    }
}
