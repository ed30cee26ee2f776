extension Dataset {
    /// Copies the features of `rows`, one row after another, to the start of `destination`.
    public func copyFeatures(rows: UnsafeBufferPointer<Int>, into destination: UnsafeMutableBufferPointer<Float>) {
        Dataset.copyRows(rows, width: featureCount, from: features, into: destination)
    }

    /// Copies the float64 features of `rows` (sets that keep them: airfoil, CSV regression).
    public func copyFeaturesDouble(rows: UnsafeBufferPointer<Int>, into destination: UnsafeMutableBufferPointer<Double>) {
        guard let values = featuresDouble else { preconditionFailure("dataset \(name) keeps no float64 features") }
        Dataset.copyRows(rows, width: featureCount, from: values, into: destination)
    }

    /// Copies the labels of `rows` (classification sets).
    public func copyLabels(rows: UnsafeBufferPointer<Int>, into destination: UnsafeMutableBufferPointer<Int32>) {
        guard let labels else { preconditionFailure("dataset \(name) is for regression: it has targets, not labels") }
        Dataset.copyRows(rows, width: 1, from: labels, into: destination)
    }

    /// Copies the targets of `rows` (regression sets).
    public func copyTargets(rows: UnsafeBufferPointer<Int>, into destination: UnsafeMutableBufferPointer<Float>) {
        guard let targets else { preconditionFailure("dataset \(name) is for classification: it has labels, not targets") }
        Dataset.copyRows(rows, width: 1, from: targets, into: destination)
    }

    /// Copies the float64 targets of `rows` (sets that keep them: airfoil, CSV regression).
    public func copyTargetsDouble(rows: UnsafeBufferPointer<Int>, into destination: UnsafeMutableBufferPointer<Double>) {
        guard let values = targetsDouble else { preconditionFailure("dataset \(name) keeps no float64 targets") }
        Dataset.copyRows(rows, width: 1, from: values, into: destination)
    }

    private static func copyRows<T>(_ rows: UnsafeBufferPointer<Int>, width: Int, from source: [T],
                                    into destination: UnsafeMutableBufferPointer<T>) {
        precondition(destination.count >= rows.count * width,
                     "destination holds \(destination.count) values, \(rows.count) rows need \(rows.count * width)")
        guard let target = destination.baseAddress else { return }
        source.withUnsafeBufferPointer { values in
            for (k, row) in rows.enumerated() {
                (target + k * width).update(from: values.baseAddress! + row * width, count: width)
            }
        }
    }
}
