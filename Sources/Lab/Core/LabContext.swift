/// What an experiment may use from its surroundings besides its own code: a channel for
/// progress messages (standard error in the CLI, nothing in tests), so long runs can say
/// what they are doing without mixing it into the printed results.
public struct LabContext: Sendable {
    /// Receives one line of progress at a time.
    public var progress: @Sendable (String) -> Void

    public init(progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.progress = progress
    }

    /// A context that drops progress messages (tests, library use).
    public static let quiet = LabContext()
}
