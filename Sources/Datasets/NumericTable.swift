import Foundation

/// Whether a text table starts with a row of column names.
public enum HeaderRow: String, Sendable {
    /// A first row of names only is a header, of numbers only is data; a mix is an error.
    case automatic
    case present
    case absent
}

/// A text table of numbers read from a CSV/TSV file: every cell a finite float64, every row
/// as wide as the first, each row remembering its line in the file for later messages.
/// Blank lines and lines starting with `#` are skipped.
struct NumericTable {
    let file: String
    let delimiter: TextDelimiter
    let header: [String]?
    let columnCount: Int
    /// `rowCount × columnCount` values, row-major.
    let values: [Double]
    /// The 1-based line number of each data row.
    let lineNumbers: [Int]

    var rowCount: Int { lineNumbers.count }

    /// Reads the file at `path`; the delimiter is detected from the first row unless given.
    static func read(path: String, delimiter: TextDelimiter? = nil, header: HeaderRow = .automatic) throws -> NumericTable {
        try FileChecks.requireFile(path)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DatasetError.readFailed(path: path, reason: error.localizedDescription)
        }
        var bytes = [UInt8](data)
        bytes.append(0)  // strtod stops here at the latest
        return try bytes.withUnsafeBufferPointer { buffer in
            var parser = TableParser(file: path, bytes: UnsafeBufferPointer(rebasing: buffer[0..<(buffer.count - 1)]))
            return try parser.parse(delimiter: delimiter, header: header)
        }
    }
}

/// The single pass over a table's bytes behind `NumericTable.read`.
private struct TableParser {
    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    var fields: [Range<Int>] = []

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
    }

    mutating func parse(delimiter requested: TextDelimiter?, header mode: HeaderRow) throws -> NumericTable {
        var delimiter = requested
        var header: [String]?
        var columnCount = 0
        var values = [Double]()
        var lineNumbers = [Int]()
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // UTF-8 byte-order mark
        var line = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { start = next }
            var first = start
            while first < end, LineSplitter.isBlank(bytes[first]) { first += 1 }
            if first == end || bytes[first] == UInt8(ascii: "#") { continue }

            let isFirstRow = columnCount == 0
            if isFirstRow, delimiter == nil {
                delimiter = TextDelimiter.detect(in: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            LineSplitter.split(bytes, start, end, delimiter: delimiter!, into: &fields)
            if isFirstRow {
                columnCount = fields.count
                if columnCount < 2 { throw DatasetError.tooFewColumns(file: file, line: line, found: columnCount) }
                if try isHeader(mode: mode, line: line) {
                    header = fields.map { LineSplitter.text(bytes, $0) }
                    continue
                }
            } else if fields.count != columnCount {
                throw DatasetError.raggedRow(file: file, line: line, expected: columnCount, found: fields.count)
            }
            for (column, range) in fields.enumerated() {
                guard let value = number(range) else {
                    throw DatasetError.notANumber(file: file, line: line, column: column + 1,
                                                  columnName: header?[column], text: LineSplitter.text(bytes, range))
                }
                values.append(value)
            }
            lineNumbers.append(line)
        }
        guard !lineNumbers.isEmpty else { throw DatasetError.emptyTable(file: file) }
        return NumericTable(file: file, delimiter: delimiter!, header: header, columnCount: columnCount,
                            values: values, lineNumbers: lineNumbers)
    }

    /// Decides whether the current (first) row is a header.
    private func isHeader(mode: HeaderRow, line: Int) throws -> Bool {
        switch mode {
        case .present: return true
        case .absent: return false
        case .automatic:
            let numeric = fields.map { number($0) != nil }
            if numeric.allSatisfy({ $0 }) { return false }
            if numeric.allSatisfy({ !$0 }) { return true }
            let column = numeric.firstIndex(of: true)!
            throw DatasetError.ambiguousFirstRow(file: file, line: line, column: column + 1,
                                                 text: LineSplitter.text(bytes, fields[column]))
        }
    }

    /// The field as a finite number, or nil when it is empty, not entirely a number, or not finite.
    private func number(_ range: Range<Int>) -> Double? {
        guard !range.isEmpty, let base = bytes.baseAddress else { return nil }
        let first = UnsafeMutablePointer(mutating: base + range.lowerBound)
        let (value, consumed) = first.withMemoryRebound(to: CChar.self, capacity: range.count) { text in
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(text, &stop)
            return (value, stop.map { $0 - text } ?? 0)
        }
        guard consumed == range.count, value.isFinite else { return nil }
        return value
    }
}
