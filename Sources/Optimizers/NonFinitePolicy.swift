/// What a step does when a gradient holds NaN or infinity (optax's `apply_if_finite`).
public enum NonFinitePolicy: String, Codable, Sendable, CaseIterable {
    /// Throw `OptimizerError.nonFiniteGradient` naming the group, parameter and element; nothing changes.
    case refuse
    /// Leave weights and state untouched, count the skipped step, carry on.
    case skip
    /// Trust the caller (torch's behaviour): no check, non-finite values flow into the weights.
    case unchecked
}

/// Gradient clipping applied to all gradients before the update (torch.nn.utils.clip_grad_*).
public enum GradientClipping: Equatable, Codable, Sendable {
    case none
    /// Scale all gradients by `maxNorm / (norm + 1e-6)` when their global L2 norm exceeds `maxNorm`.
    case norm(Double)
    /// Clamp every gradient element to [-value, value].
    case value(Double)
}

/// What one call of `step()` did.
public enum StepOutcome: Equatable, Sendable {
    case applied
    /// Skipped under `NonFinitePolicy.skip` because of a non-finite gradient.
    case skipped
}
