/// What one web request may ask of the server, so a page (or anyone on the network) cannot make
/// it run for minutes or hold megabytes: the trace spec itself allows up to 1 000 000 steps.
public struct ExplorerLimits: Sendable, Equatable {
    /// The most `steps` one spec may ask for.
    public var maxStepsPerRun: Int
    /// The most specs one POST /api/trace may hold.
    public var maxSpecsPerRequest: Int
    /// The largest request body, in bytes.
    public var maxBodyBytes: Int

    public init(maxStepsPerRun: Int = 10_000, maxSpecsPerRequest: Int = 16, maxBodyBytes: Int = 64 * 1024) {
        self.maxStepsPerRun = maxStepsPerRun
        self.maxSpecsPerRequest = maxSpecsPerRequest
        self.maxBodyBytes = maxBodyBytes
    }

    /// The limits of issue 5: 10 000 steps, 16 specs, 64 KiB.
    public static let standard = ExplorerLimits()
}
