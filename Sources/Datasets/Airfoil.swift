import Foundation

/// The NASA airfoil self-noise data (UCI), prepared as in d2l's `get_data_ch11`: every column
/// standardised over all rows, then the first 1500 rows kept; 5 features, the sound pressure
/// (last column) the target.
///
/// Standardisation uses the population standard deviation, computed in float64:
/// `z = (x − mean) / std`, `mean = Σx / N`, `std = √(Σ(x − mean)² / N)` over all N = 1503 rows.
public enum Airfoil {
    /// The file's name as UCI ships it.
    public static let fileName = "airfoil_self_noise.dat"
    /// Columns: five features, then the target.
    public static let columnNames = ["frequency", "angle of attack", "chord length",
                                     "free-stream velocity", "suction-side displacement thickness",
                                     "sound pressure"]
    /// d2l keeps the first 1500 rows.
    public static let rowLimit = 1500

    /// Loads and standardises the file at `path` (tab-separated, no header).
    public static func load(path: String, rowLimit: Int = Airfoil.rowLimit) throws -> DataSplit {
        let table = try NumericTable.read(path: path, delimiter: .tab, header: .absent)
        guard table.columnCount == columnNames.count else {
            throw DatasetError.raggedRow(file: path, line: table.lineNumbers[0],
                                         expected: columnNames.count, found: table.columnCount)
        }
        guard table.rowCount >= rowLimit else {
            throw DatasetError.tooFewRows(file: path, found: table.rowCount, needed: rowLimit)
        }
        let standardised = try standardise(table)
        let width = table.columnCount - 1
        var features = [Double]()
        var targets = [Double]()
        for row in 0..<rowLimit {
            let start = row * table.columnCount
            features.append(contentsOf: standardised[start..<(start + width)])
            targets.append(standardised[start + width])
        }
        let train = try Dataset(name: "airfoil", featuresDouble: features, featureCount: width,
                                targetsDouble: targets, featureNames: Array(columnNames.dropLast()))
        let description = "NASA airfoil self-noise (UCI, CC BY 4.0): every column standardised over all "
            + "\(table.rowCount) rows (population std), first \(rowLimit) rows kept; 5 features, target sound pressure"
        return DataSplit(name: "airfoil", description: description, train: train)
    }

    /// Every column of the table standardised over all its rows (float64).
    static func standardise(_ table: NumericTable) throws -> [Double] {
        let rows = table.rowCount, columns = table.columnCount
        var result = table.values
        for column in 0..<columns {
            var sum = 0.0
            for row in 0..<rows { sum += table.values[row * columns + column] }
            let mean = sum / Double(rows)
            var squares = 0.0
            for row in 0..<rows {
                let d = table.values[row * columns + column] - mean
                squares += d * d
            }
            let std = (squares / Double(rows)).squareRoot()
            guard std > 0 else { throw DatasetError.constantColumn(file: table.file, column: column + 1) }
            for row in 0..<rows { result[row * columns + column] = (table.values[row * columns + column] - mean) / std }
        }
        return result
    }
}
