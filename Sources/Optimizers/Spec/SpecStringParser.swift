/// Reads `NAME` or `NAME(key=value, ...)` where a value is a number, `true`/`false`, or a
/// parenthesised or bracketed list of numbers. Errors say where the text stops making sense.
public struct SpecStringParser {
    private let text: String
    private let chars: [Character]
    private var i = 0

    public init(_ text: String) {
        self.text = text
        chars = Array(text)
    }

    public mutating func parse() throws -> (name: String, arguments: [(String, HyperValue)]) {
        skipSpaces()
        let name = identifier()
        guard !name.isEmpty else { throw fail("expected an optimizer name such as adam or sgd") }
        skipSpaces()
        var args: [(String, HyperValue)] = []
        if peek == "(" {
            i += 1
            skipSpaces()
            if peek == ")" { i += 1 } else {
                while true {
                    skipSpaces()
                    let key = identifier()
                    guard !key.isEmpty else { throw fail("expected an argument name") }
                    skipSpaces()
                    guard peek == "=" else { throw fail("expected '=' after '\(key)'") }
                    i += 1
                    skipSpaces()
                    args.append((key, try value(for: key)))
                    skipSpaces()
                    if peek == "," { i += 1; continue }
                    if peek == ")" { i += 1; break }
                    throw fail("expected ',' or ')'")
                }
            }
        }
        skipSpaces()
        guard i == chars.count else { throw fail("unexpected text after the spec") }
        return (name, args)
    }

    private var peek: Character? { i < chars.count ? chars[i] : nil }

    private mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { i += 1 } }

    private mutating func identifier() -> String {
        var s = ""
        while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "-" { s.append(c); i += 1 }
        return s
    }

    private mutating func value(for key: String) throws -> HyperValue {
        if peek == "(" || peek == "[" {
            let close: Character = peek == "(" ? ")" : "]"
            i += 1
            var xs: [Double] = []
            skipSpaces()
            if peek == close { i += 1; return .list(xs) }
            while true {
                skipSpaces()
                xs.append(try number(for: key))
                skipSpaces()
                if peek == "," { i += 1; continue }
                if peek == close { i += 1; return .list(xs) }
                throw fail("expected ',' or '\(close)' in the value of '\(key)'")
            }
        }
        let start = i
        var token = ""
        while let c = peek, !",)".contains(c), c != " " { token.append(c); i += 1 }
        switch token.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default:
            if let first = token.first, first.isLetter, token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                return .text(token)
            }
            i = start
            return .number(try number(for: key))
        }
    }

    private mutating func number(for key: String) throws -> Double {
        var token = ""
        while let c = peek, c.isNumber || "+-.eE".contains(c) { token.append(c); i += 1 }
        guard let x = Double(token), x.isFinite else {
            throw fail("'\(key)' needs a number, true/false or a list such as (0.9, 0.999)")
        }
        return x
    }

    private func fail(_ reason: String) -> OptimizerError {
        .malformedSpec(spec: text, reason: "\(reason) at position \(i + 1)")
    }
}
