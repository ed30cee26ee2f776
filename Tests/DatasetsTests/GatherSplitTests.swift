import Datasets
import Parallelism
import Testing

/// A batch gathered with work splitting on (the helper copies the second half of the rows)
/// equals the one gathered on one thread, for batch sizes around the split point.
@Suite struct GatherSplitTests {
    @Test(arguments: [1, 2, 21, 22, 128, 257])
    func splitGatherEqualsThePlainOne(batchSize: Int) throws {
        let width = 784, count = 300
        let features = (0..<(width * count)).map { Float($0 % 9973) * 0.5 }
        let data = try Dataset(name: "g", features: features, featureCount: width,
                               labels: (0..<count).map { Int32($0 % 10) }, classCount: 10)
        let rows = (0..<batchSize).map { ($0 * 37 + 11) % count }
        func gather() -> [Float] {
            var out = [Float](repeating: -1, count: batchSize * width)
            rows.withUnsafeBufferPointer { r in out.withUnsafeMutableBufferPointer { data.copyFeatures(rows: r, into: $0) } }
            return out
        }
        let plain = WorkSplitting.with(enabled: false) { gather() }
        let split = WorkSplitting.with(enabled: true) { gather() }
        #expect(split == plain)
        #expect(plain[width * (batchSize - 1)] == features[rows[batchSize - 1] * width])
    }
}
