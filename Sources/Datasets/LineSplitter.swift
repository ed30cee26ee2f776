import Foundation

/// Splits one line of a text table into the byte ranges of its fields' contents: blanks around
/// a field are trimmed and a field in double quotes (`"a, b"`, with `""` for a quote) is taken
/// without its quotes, so that a quoted delimiter does not split it.
enum LineSplitter {
    static let quote = UInt8(ascii: "\"")

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Appends the field ranges of `bytes[start..<end]` to `fields` (which it empties first).
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                      delimiter: TextDelimiter, into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        guard let separator = delimiter.byte else {
            splitOnWhitespace(bytes, start, end, into: &fields)
            return
        }
        var i = start
        while true {
            while i < end, isBlank(bytes[i]), bytes[i] != separator { i += 1 }
            var contentStart = i
            var contentEnd: Int
            if i < end, bytes[i] == quote {
                contentStart = i + 1
                var j = i + 1
                while j < end {
                    if bytes[j] == quote {
                        if j + 1 < end, bytes[j + 1] == quote { j += 2; continue }
                        break
                    }
                    j += 1
                }
                contentEnd = j
                i = min(j + 1, end)
                while i < end, bytes[i] != separator { i += 1 }
            } else {
                while i < end, bytes[i] != separator { i += 1 }
                contentEnd = i
                while contentEnd > contentStart, isBlank(bytes[contentEnd - 1]) { contentEnd -= 1 }
            }
            fields.append(contentStart..<contentEnd)
            if i >= end { return }
            i += 1
        }
    }

    private static func splitOnWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                          into fields: inout [Range<Int>]) {
        var i = start
        while i < end {
            while i < end, isBlank(bytes[i]) { i += 1 }
            let fieldStart = i
            while i < end, !isBlank(bytes[i]) { i += 1 }
            if i > fieldStart { fields.append(fieldStart..<i) }
        }
    }

    /// The text of a field, with doubled quotes undone (for header names and messages).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            .replacingOccurrences(of: "\"\"", with: "\"")
    }
}
