/// d2l §7.4 "Momentum": why plain gradient descent struggles on the ill-conditioned quadratic
/// f(x) = 0.1x₁² + 2x₂², how momentum fixes it, and how many past gradients a momentum of β
/// averages over (weights βⁱ, about 1/(1−β) of them).
///
/// The third part trains d2l's airfoil linear regression with momentum 0.5/lr 0.02, 0.9/0.02
/// and 0.9/0.004 (loss every 100 examples, seconds per epoch; `MomentumAirfoil`).
public struct MomentumExperiment: LabExperiment {
    public let name = "momentum"
    public let title = "Momentum (d2l §7.4)"
    public let summary = """
        Gradient descent on 0.1x₁² + 2x₂² from (−5, −2): at η = 0.4 it crawls along x₁, at \
        η = 0.6 it diverges along the steep x₂; momentum 0.5 makes progress along x₁ and \
        damps x₂ at both rates. The weights βⁱ show how many past gradients momentum averages; \
        on the airfoil regression, β = 0.9 needs a smaller η than β = 0.5.
        """

    /// The parts, run in order.
    public var sections: [any LabSection] = [MomentumPaths(), AveragingWeights(), MomentumAirfoil()]

    public init() {}

    public func run(_ context: LabContext) throws -> LabReport {
        try sections.runAll(context)
    }
}
