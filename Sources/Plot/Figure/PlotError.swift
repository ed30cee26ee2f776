/// Errors from building or writing figures; each message names the argument or file, the
/// offending value and what is allowed, so it can be shown to a user as it is.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// An argument outside its allowed range.
    case invalidArgument(name: String, value: String, allowed: String)
    /// A file could not be written.
    case writeFailed(path: String, reason: String)
    /// `rsvg-convert` is not installed on PATH.
    case rendererNotFound(program: String, searchedPath: String)
    /// The renderer ran but failed.
    case rendererFailed(command: String, status: Int32, output: String)

    public var description: String {
        switch self {
        case let .invalidArgument(name, value, allowed):
            return "invalid \(name) \(value): \(allowed)"
        case let .writeFailed(path, reason):
            return "cannot write \(path): \(reason)"
        case let .rendererNotFound(program, searchedPath):
            return "\(program) was not found on PATH (\(searchedPath)); install it "
                + "(Debian/Ubuntu: apt-get install librsvg2-bin, macOS: brew install librsvg) to write PNG files"
        case let .rendererFailed(command, status, output):
            return "\(command) exited with status \(status): \(output)"
        }
    }
}
