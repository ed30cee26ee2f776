import Foundation

/// Everything that can go wrong while finding, reading or batching a dataset. Each message names
/// the file (and line and column for text files), what was found and what was expected, because
/// it is shown to users as it is.
public enum DatasetError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case fileNotFound(path: String)
    case notAFile(path: String)
    case readFailed(path: String, reason: String)
    case folderNotFound(path: String, hint: String)
    case notAFolder(path: String, hint: String)
    case notFound(dataset: String, lookedIn: [String], hint: String)
    case missingFiles(folder: String, missing: [String], hint: String)
    case gzip(file: String, reason: String)
    case badMagic(file: String, found: UInt32, expected: UInt32, meaning: String)
    case badHeader(file: String, reason: String)
    case truncated(file: String, header: String, expectedBytes: Int, actualBytes: Int)
    case trailingData(file: String, header: String, expectedBytes: Int)
    case labelOutOfRange(file: String, index: Int, label: Int, classCount: Int)
    case countMismatch(imagesFile: String, images: Int, labelsFile: String, labels: Int)
    case emptyTable(file: String)
    case notANumber(file: String, line: Int, column: Int, columnName: String?, text: String)
    case ambiguousFirstRow(file: String, line: Int, column: Int, text: String)
    case raggedRow(file: String, line: Int, expected: Int, found: Int)
    case tooFewColumns(file: String, line: Int, found: Int)
    case labelNotAClass(file: String, line: Int, text: String)
    case tooFewRows(file: String, found: Int, needed: Int)
    case constantColumn(file: String, column: Int)
    case unknownDataset(name: String)
    case invalidArgument(name: String, value: String, allowed: String)
    case loaderStateMismatch(reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .notAFile(let path):
            return "\(path): is a folder, expected a file"
        case .readFailed(let path, let reason):
            return "\(path): cannot read (\(reason))"
        case .folderNotFound(let path, let hint):
            return "\(path): no such folder. \(hint)"
        case .notAFolder(let path, let hint):
            return "\(path): is a file, expected a folder. \(hint)"
        case .notFound(let dataset, let lookedIn, let hint):
            return "\(dataset): not found; looked in \(lookedIn.joined(separator: ", ")). \(hint)"
        case .missingFiles(let folder, let missing, let hint):
            return "\(folder): missing \(missing.joined(separator: "; ")). \(hint)"
        case .gzip(let file, let reason):
            return "\(file): gzip error: \(reason)"
        case .badMagic(let file, let found, let expected, let meaning):
            return "\(file): bad magic number \(hex(found)), expected \(hex(expected)) (\(meaning))"
        case .badHeader(let file, let reason):
            return "\(file): bad IDX header: \(reason)"
        case .truncated(let file, let header, let expectedBytes, let actualBytes):
            return "\(file): truncated: the header promises \(header) = \(expectedBytes) bytes of data, "
                + "but the file holds only \(actualBytes)"
        case .trailingData(let file, let header, let expectedBytes):
            return "\(file): longer than its header says: data continue after the \(expectedBytes) bytes of \(header)"
        case .labelOutOfRange(let file, let index, let label, let classCount):
            return "\(file): label \(label) of example \(index) is out of range; labels must be in 0..<\(classCount)"
        case .countMismatch(let imagesFile, let images, let labelsFile, let labels):
            return "\(imagesFile) holds \(images) images but \(labelsFile) holds \(labels) labels; they must match"
        case .emptyTable(let file):
            return "\(file): no data rows"
        case .notANumber(let file, let line, let column, let columnName, let text):
            let named = columnName.map { " (\($0))" } ?? ""
            return "\(file):\(line): column \(column)\(named) is '\(text)', expected a finite number"
        case .ambiguousFirstRow(let file, let line, let column, let text):
            return "\(file):\(line): the first row mixes names and numbers (column \(column) is '\(text)'); "
                + "a header row must hold only names, a data row only numbers"
        case .raggedRow(let file, let line, let expected, let found):
            return "\(file):\(line): \(found) columns, expected \(expected) like the first row"
        case .tooFewColumns(let file, let line, let found):
            return "\(file):\(line): \(found) column(s); need at least 2 (features, then the target last)"
        case .labelNotAClass(let file, let line, let text):
            return "\(file):\(line): target '\(text)' is not a class label; classification needs integers 0, 1, 2, …"
        case .tooFewRows(let file, let found, let needed):
            return "\(file): \(found) data rows, need at least \(needed)"
        case .constantColumn(let file, let column):
            return "\(file): column \(column) is constant, so it cannot be standardised (its standard deviation is 0)"
        case .unknownDataset(let name):
            return "unknown dataset '\(name)': expected fashion-mnist, mnist, airfoil, "
                + "a folder of IDX files or a CSV/TSV file (no file or folder of that name exists)"
        case .invalidArgument(let name, let value, let allowed):
            return "\(name) is \(value); allowed: \(allowed)"
        case .loaderStateMismatch(let reason):
            return "cannot resume the batch loader: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
