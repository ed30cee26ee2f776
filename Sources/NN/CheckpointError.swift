import Foundation

/// Why a checkpoint cannot be read, written or resumed from. Each message names the file and
/// says what is wrong, because it is shown to users as it is.
public enum CheckpointError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// The file does not start with the checkpoint magic bytes.
    case notACheckpoint(path: String)
    case unsupportedVersion(path: String, found: Int, supported: Int)
    /// The file ends before the data its header announces.
    case truncated(path: String, expectedBytes: Int, actualBytes: Int)
    /// The bytes are there but wrong: checksum, header or layout.
    case corrupt(path: String, reason: String)
    /// A valid checkpoint of another run: another model, optimizer, dataset or setting.
    case doesNotFit(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason):
            return "cannot read checkpoint \(path): \(reason)"
        case let .cannotWrite(path, reason):
            return "cannot write checkpoint \(path): \(reason)"
        case let .notACheckpoint(path):
            return "\(path) is not a Descent checkpoint (it does not start with \"\(CheckpointFile.magicText)\")"
        case let .unsupportedVersion(path, found, supported):
            return "checkpoint \(path) has format version \(found); this build reads version \(supported)"
        case let .truncated(path, expected, actual):
            return "checkpoint \(path) is truncated: it needs \(expected) bytes, the file holds \(actual)"
        case let .corrupt(path, reason):
            return "checkpoint \(path) is corrupt: \(reason)"
        case let .doesNotFit(path, reason):
            return "checkpoint \(path) does not fit this run: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
