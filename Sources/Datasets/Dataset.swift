/// What a dataset asks a model to predict: a class out of `classCount` or a real number.
public enum DatasetTask: Equatable, Sendable {
    /// Integer labels in `0..<classCount` (softmax cross-entropy).
    case classification(classCount: Int)
    /// One real-valued target per row (mean squared error).
    case regression
}

/// A table of examples held in memory as plain arrays, so that a training engine can copy
/// batches into its own tensors without this module knowing about them.
///
/// Row `i`'s features are `features[i * featureCount ..< (i + 1) * featureCount]` (row-major).
/// A classification set carries `labels` (and `classCount`), a regression set `targets`.
/// Sets that were computed in float64 (airfoil, CSV) also keep the float64 values, so that a
/// float64 reference run sees exactly the numbers the float32 copy was rounded from.
public struct Dataset: Sendable {
    /// A short name, such as `fashion-mnist/train`.
    public var name: String
    /// Number of examples (rows).
    public let count: Int
    /// Number of features per example.
    public let featureCount: Int
    /// The shape of one example before flattening, e.g. `[28, 28]` for an image; `[featureCount]` for a table.
    public let sampleShape: [Int]
    /// Features, `count × featureCount` floats, row-major.
    public let features: [Float]
    /// Class labels in `0..<classCount` (classification only).
    public let labels: [Int32]?
    /// The number of classes (classification only).
    public let classCount: Int?
    /// Regression targets, one per row (regression only).
    public let targets: [Float]?
    /// The float64 features the float32 `features` were rounded from, when they exist.
    public let featuresDouble: [Double]?
    /// The float64 targets the float32 `targets` were rounded from, when they exist.
    public let targetsDouble: [Double]?
    /// Column names of the features, when the source named them (a CSV header).
    public let featureNames: [String]?
}

extension Dataset {
    /// A classification set. Checks that the array sizes agree and that every label is in `0..<classCount`.
    public init(name: String, features: [Float], featureCount: Int, sampleShape: [Int]? = nil,
                labels: [Int32], classCount: Int, featureNames: [String]? = nil) throws {
        try Dataset.checkShape(name: name, featureCount: featureCount, featureValues: features.count,
                               rows: labels.count, sampleShape: sampleShape)
        guard classCount >= 1 else {
            throw DatasetError.invalidArgument(name: "classCount", value: "\(classCount)", allowed: "at least 1")
        }
        if let bad = labels.firstIndex(where: { $0 < 0 || Int($0) >= classCount }) {
            throw DatasetError.labelOutOfRange(file: name, index: bad, label: Int(labels[bad]), classCount: classCount)
        }
        self.name = name
        self.count = labels.count
        self.featureCount = featureCount
        self.sampleShape = sampleShape ?? [featureCount]
        self.features = features
        self.labels = labels
        self.classCount = classCount
        self.targets = nil
        self.featuresDouble = nil
        self.targetsDouble = nil
        self.featureNames = featureNames
    }

    /// A regression set from float64 values; the float32 arrays are their rounded copies.
    public init(name: String, featuresDouble: [Double], featureCount: Int, targetsDouble: [Double],
                featureNames: [String]? = nil) throws {
        try Dataset.checkShape(name: name, featureCount: featureCount, featureValues: featuresDouble.count,
                               rows: targetsDouble.count, sampleShape: nil)
        self.name = name
        self.count = targetsDouble.count
        self.featureCount = featureCount
        self.sampleShape = [featureCount]
        self.features = featuresDouble.map { Float($0) }
        self.labels = nil
        self.classCount = nil
        self.targets = targetsDouble.map { Float($0) }
        self.featuresDouble = featuresDouble
        self.targetsDouble = targetsDouble
        self.featureNames = featureNames
    }

    /// Whether this set is for classification (with how many classes) or regression.
    public var task: DatasetTask {
        if let classCount { return .classification(classCount: classCount) }
        return .regression
    }

    private static func checkShape(name: String, featureCount: Int, featureValues: Int, rows: Int,
                                   sampleShape: [Int]?) throws {
        guard featureCount >= 1 else {
            throw DatasetError.invalidArgument(name: "featureCount", value: "\(featureCount)", allowed: "at least 1")
        }
        guard featureValues == rows * featureCount else {
            throw DatasetError.invalidArgument(
                name: "features of \(name)", value: "\(featureValues) values",
                allowed: "rows × featureCount = \(rows) × \(featureCount) = \(rows * featureCount)")
        }
        if let sampleShape, sampleShape.reduce(1, *) != featureCount {
            throw DatasetError.invalidArgument(
                name: "sampleShape of \(name)", value: "\(sampleShape)",
                allowed: "a shape whose product is featureCount = \(featureCount)")
        }
    }
}
