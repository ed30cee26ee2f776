/// Escaping of user text (titles, labels, legend strings) for XML text and attribute values.
///
/// `&`, `<`, `>`, `"` and `'` become entities; control characters that XML 1.0 forbids
/// (U+0000–U+001F other than tab, newline and carriage return) are dropped, so any Swift
/// string yields a well-formed document.
public enum XMLEscaping {
    /// Returns `text` with the five XML special characters replaced by entities and
    /// forbidden control characters removed.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
