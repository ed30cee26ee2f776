extension Dataset {
    /// The first `rowCount` examples (all of them when `rowCount >= count`), e.g. a quick
    /// subset of MNIST for a demonstration run.
    public func prefix(_ rowCount: Int) -> Dataset {
        let n = max(0, min(rowCount, count))
        if n == count { return self }
        let width = featureCount
        return Dataset(
            name: name, count: n, featureCount: width, sampleShape: sampleShape,
            features: Array(features[0..<(n * width)]),
            labels: labels.map { Array($0[0..<n]) }, classCount: classCount,
            targets: targets.map { Array($0[0..<n]) },
            featuresDouble: featuresDouble.map { Array($0[0..<(n * width)]) },
            targetsDouble: targetsDouble.map { Array($0[0..<n]) },
            featureNames: featureNames)
    }
}
