/// What an experiment may use from its surroundings besides its own code: a channel for
/// progress messages (standard error in the CLI, nothing in tests), so long runs can say
/// what they are doing without mixing it into the printed results; where the training
/// experiments find their data; and a cap on their length for quick runs.
public struct LabContext: Sendable {
    /// Receives one line of progress at a time.
    public var progress: @Sendable (String) -> Void
    /// A folder of MNIST-style IDX files for `mnist` (`--data DIR`); nil: MNIST in the user's
    /// data folders, else Fashion-MNIST (see `LabData.mnist`).
    public var dataFolder: String?
    /// The UCI airfoil self-noise file for `airfoil` and `momentum` (`--airfoil FILE`); nil:
    /// `../shared/data/airfoil_self_noise.dat` from the current folder, else the user's data
    /// folders (see `LabData.airfoil`).
    public var airfoilFile: String?
    /// At most this many optimizer steps per training run (`--iterations N`), to shorten the
    /// training experiments for tests and quick looks; nil: the source texts' lengths.
    public var iterations: Int?
    /// At most this many training and this many test images for `mnist` (`--examples N`, the
    /// first ones), so that a quick run also evaluates quickly; nil: all of them.
    public var examples: Int?

    public init(progress: @escaping @Sendable (String) -> Void = { _ in }, dataFolder: String? = nil,
                airfoilFile: String? = nil, iterations: Int? = nil, examples: Int? = nil) {
        self.progress = progress
        self.dataFolder = dataFolder
        self.airfoilFile = airfoilFile
        self.iterations = iterations
        self.examples = examples
    }

    /// A context that drops progress messages (tests, library use).
    public static let quiet = LabContext()

    /// `steps`, or the `iterations` cap when it is smaller.
    public func steps(_ steps: Int) -> Int {
        guard let iterations else { return steps }
        return Swift.max(1, Swift.min(steps, iterations))
    }
}
