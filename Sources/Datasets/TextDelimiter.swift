/// How the columns of a text table are separated.
public enum TextDelimiter: String, Sendable, CaseIterable {
    case comma, tab, semicolon
    /// Runs of spaces and tabs (leading and trailing ones ignored).
    case whitespace

    /// The separating byte, or nil for runs of whitespace.
    var byte: UInt8? {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .tab: return UInt8(ascii: "\t")
        case .semicolon: return UInt8(ascii: ";")
        case .whitespace: return nil
        }
    }

    /// Guesses the delimiter from the first row: a tab if it has one, else a semicolon (which
    /// never occurs inside a number), else a comma, else whitespace.
    static func detect(in line: UnsafeBufferPointer<UInt8>) -> TextDelimiter {
        for candidate in [TextDelimiter.tab, .semicolon, .comma] where line.contains(candidate.byte!) {
            return candidate
        }
        return .whitespace
    }
}
