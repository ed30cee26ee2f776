extension BatchLoader {
    /// Fills `features` (`batchSize × featureCount` floats or more) and `labels` with the next
    /// batch of a classification set; returns the batch, whose `size` rows are valid.
    public mutating func nextBatch(features: UnsafeMutableBufferPointer<Float>,
                                   labels: UnsafeMutableBufferPointer<Int32>) -> Batch {
        withNextIndices { dataset, indices in
            dataset.copyFeatures(rows: indices, into: features)
            dataset.copyLabels(rows: indices, into: labels)
        }
    }

    /// Fills `features` and `targets` with the next batch of a regression set.
    public mutating func nextBatch(features: UnsafeMutableBufferPointer<Float>,
                                   targets: UnsafeMutableBufferPointer<Float>) -> Batch {
        withNextIndices { dataset, indices in
            dataset.copyFeatures(rows: indices, into: features)
            dataset.copyTargets(rows: indices, into: targets)
        }
    }

    /// Fills float64 `features` and `targets` with the next batch of a regression set that
    /// keeps its float64 values (airfoil, CSV), for float64 reference runs.
    public mutating func nextBatch(features: UnsafeMutableBufferPointer<Double>,
                                   targets: UnsafeMutableBufferPointer<Double>) -> Batch {
        withNextIndices { dataset, indices in
            dataset.copyFeaturesDouble(rows: indices, into: features)
            dataset.copyTargetsDouble(rows: indices, into: targets)
        }
    }

    /// Draws the next batch's indices into the reusable scratch buffer and hands them to `fill`.
    private mutating func withNextIndices(_ fill: (Dataset, UnsafeBufferPointer<Int>) -> Void) -> Batch {
        var indices = [Int]()
        swap(&indices, &scratchIndices)  // take the buffer out of self, so that self can mutate
        defer { swap(&indices, &scratchIndices) }
        return indices.withUnsafeMutableBufferPointer { buffer in
            let batch = nextIndices(into: buffer)
            fill(dataset, UnsafeBufferPointer(rebasing: buffer[0..<batch.size]))
            return batch
        }
    }
}
