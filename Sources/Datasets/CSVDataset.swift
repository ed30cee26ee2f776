import Foundation

/// How to read a CSV/TSV file as a dataset.
public struct CSVOptions: Sendable {
    /// What the last column holds.
    public enum Target: String, Sendable {
        /// A real number (regression).
        case regression
        /// An integer class label 0, 1, 2, … (classification; `classCount` = largest label + 1).
        case classification
    }

    /// The column separator; nil detects it from the first row.
    public var delimiter: TextDelimiter?
    /// Whether the first row names the columns.
    public var header: HeaderRow
    /// How to read the last column.
    public var target: Target

    public init(delimiter: TextDelimiter? = nil, header: HeaderRow = .automatic, target: Target = .regression) {
        self.delimiter = delimiter
        self.header = header
        self.target = target
    }
}

/// Loads any CSV/TSV table of numbers as a dataset: every column but the last is a feature,
/// the last is the target. Values are kept as read (no scaling); there is no test set.
public enum CSVDataset {
    /// Reads the file at `path` (delimiter comma, tab, semicolon or whitespace; header optional).
    public static func load(path: String, options: CSVOptions = CSVOptions()) throws -> DataSplit {
        let table = try NumericTable.read(path: path, delimiter: options.delimiter, header: options.header)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let train = try dataset(from: table, name: name, target: options.target)
        let columns = table.header.map { ", columns " + $0.joined(separator: ", ") } ?? ""
        let task = options.target == .classification ? "classification into \(train.classCount ?? 0) classes"
                                                     : "regression on the last column"
        let description = "\(path): \(table.rowCount) rows of \(table.columnCount) \(table.delimiter)-separated "
            + "numbers\(columns); \(task), values as read"
        return DataSplit(name: name, description: description, train: train)
    }

    /// Splits a table into features (all columns but the last) and a target (the last column).
    static func dataset(from table: NumericTable, name: String, target: CSVOptions.Target) throws -> Dataset {
        let width = table.columnCount - 1
        var features = [Double]()
        var targets = [Double]()
        features.reserveCapacity(table.rowCount * width)
        targets.reserveCapacity(table.rowCount)
        table.values.withUnsafeBufferPointer { values in
            for row in 0..<table.rowCount {
                let start = row * table.columnCount
                features.append(contentsOf: values[start..<(start + width)])
                targets.append(values[start + width])
            }
        }
        let featureNames = table.header.map { Array($0.dropLast()) }
        switch target {
        case .regression:
            return try Dataset(name: name, featuresDouble: features, featureCount: width,
                               targetsDouble: targets, featureNames: featureNames)
        case .classification:
            var labels = [Int32]()
            labels.reserveCapacity(targets.count)
            for (row, value) in targets.enumerated() {
                guard value >= 0, value < Double(Int32.max), value.rounded() == value else {
                    throw DatasetError.labelNotAClass(file: table.file, line: table.lineNumbers[row], text: "\(value)")
                }
                labels.append(Int32(value))
            }
            return try Dataset(name: name, features: features.map { Float($0) }, featureCount: width,
                               labels: labels, classCount: Int(labels.max()!) + 1, featureNames: featureNames)
        }
    }
}
