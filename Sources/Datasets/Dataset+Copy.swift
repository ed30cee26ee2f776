import Parallelism

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

    /// Copies `rows` of `source` (`width` values each) one after another into `destination`.
    /// When the calling thread splits work (`WorkSplitting`) and the batch is large, the helper
    /// thread copies the second half of the rows: a gather of random rows waits on memory row by
    /// row (128 Fashion-MNIST rows: ~70 µs on one core), and two cores wait in parallel.
    private static func copyRows<T>(_ rows: UnsafeBufferPointer<Int>, width: Int, from source: [T],
                                    into destination: UnsafeMutableBufferPointer<T>) {
        precondition(destination.count >= rows.count * width,
                     "destination holds \(destination.count) values, \(rows.count) rows need \(rows.count * width)")
        guard let target = destination.baseAddress, let indices = rows.baseAddress, !rows.isEmpty else { return }
        source.withUnsafeBufferPointer { values in
            let rowBytes = width * MemoryLayout<T>.stride
            let whole = RowGather(source: UnsafeRawPointer(values.baseAddress!), rowBytes: rowBytes, rows: indices,
                                  range: 0..<rows.count, destination: UnsafeMutableRawPointer(target))
            guard rows.count >= 2, rows.count * width >= splitThreshold else { return whole.run() }
            let half = rows.count / 2
            var first = whole, second = whole
            first.range = 0..<half
            second.range = half..<rows.count
            WorkSplitting.runBoth({ first.run() }, alongside: &second)
        }
    }

    /// The smallest gather (in values) that is split with the helper thread.
    static let splitThreshold = 1 << 14
}

/// Copies rows `range` of a row-major table (rows given by index) to consecutive rows of the
/// destination, as raw bytes: one non-generic description of a gather, for the helper thread.
private struct RowGather: HelperPart {
    let source: UnsafeRawPointer
    let rowBytes: Int
    let rows: UnsafePointer<Int>
    var range: Range<Int>
    let destination: UnsafeMutableRawPointer

    func run() {
        for k in range {
            (destination + k * rowBytes).copyMemory(from: source + rows[k] * rowBytes, byteCount: rowBytes)
        }
    }
}
