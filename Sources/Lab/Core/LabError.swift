/// Why a lab run cannot go on; the message names the value and what is allowed.
public enum LabError: Error, Equatable, CustomStringConvertible {
    /// `descent lab NAME` with a NAME that is not an experiment.
    case unknownExperiment(name: String, available: [String])
    /// The output folder cannot be made or is a file.
    case outputFolder(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownExperiment(name, available):
            return "unknown experiment '\(name)' (available: \(available.joined(separator: ", ")))"
        case let .outputFolder(path, reason):
            return "cannot use output folder \(path): \(reason)"
        }
    }
}
