import Foundation
import Testing
import TensorCore
import Datasets

@Suite("Batch loader")
struct BatchLoaderTests {
    /// `count` rows of 2 features: row i is (i, -i) with label i % 3, so a batch shows its rows.
    static func numbered(_ count: Int) throws -> Dataset {
        try Dataset(name: "numbered", features: (0..<count).flatMap { [Float($0), -Float($0)] }, featureCount: 2,
                    labels: (0..<count).map { Int32($0 % 3) }, classCount: 3)
    }

    /// The next `batches` batches' row indices.
    static func draw(_ loader: inout BatchLoader, batches: Int) -> [[Int]] {
        var indices = [Int](repeating: -1, count: loader.batchSize)
        return (0..<batches).map { _ in
            let batch = indices.withUnsafeMutableBufferPointer { loader.nextIndices(into: $0) }
            return Array(indices[0..<batch.size])
        }
    }

    @Test("shuffle: every row exactly once per epoch, the last partial batch kept, a new order each epoch")
    func shuffleCoversEpoch() throws {
        var loader = try BatchLoader(dataset: Self.numbered(10), batchSize: .examples(4), sampling: .shuffle, seed: 7)
        #expect(loader.batchesPerEpoch == 3)
        let first = Self.draw(&loader, batches: 3), second = Self.draw(&loader, batches: 3)
        #expect(first.map(\.count) == [4, 4, 2] && second.map(\.count) == [4, 4, 2])
        #expect(first.joined().sorted() == Array(0..<10) && second.joined().sorted() == Array(0..<10))
        #expect(Array(first.joined()) != Array(0..<10))
        #expect(Array(first.joined()) != Array(second.joined()))
        #expect(loader.state.epoch == 2 && loader.state.batchInEpoch == 0 && loader.state.batchesServed == 6)
    }

    @Test("the same seed gives the same batches, another seed others", arguments: [BatchSampling.shuffle, .replacement])
    func determinism(sampling: BatchSampling) throws {
        let data = try Self.numbered(50)
        var a = try BatchLoader(dataset: data, batchSize: .examples(8), sampling: sampling, seed: 42)
        var b = try BatchLoader(dataset: data, batchSize: .examples(8), sampling: sampling, seed: 42)
        var c = try BatchLoader(dataset: data, batchSize: .examples(8), sampling: sampling, seed: 43)
        let batchesA = Self.draw(&a, batches: 20)
        #expect(batchesA == Self.draw(&b, batches: 20))
        #expect(batchesA != Self.draw(&c, batches: 20))
    }

    @Test("the shuffle is a Fisher–Yates permutation of SeededGenerator")
    func shuffleMatchesGenerator() throws {
        var loader = try BatchLoader(dataset: Self.numbered(12), batchSize: .full, sampling: .shuffle, seed: 3)
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<2 {
            var expected = Array(0..<12)
            generator.shuffle(&expected)
            #expect(Self.draw(&loader, batches: 1) == [expected])
        }
    }

    @Test("sequential: file order every epoch")
    func sequential() throws {
        var loader = try BatchLoader(dataset: Self.numbered(5), batchSize: .examples(2), sampling: .sequential, seed: 0)
        #expect(Self.draw(&loader, batches: 4) == [[0, 1], [2, 3], [4], [0, 1]])
        var full = try BatchLoader(dataset: Self.numbered(5), batchSize: .full, sampling: .sequential, seed: 0)
        #expect(Self.draw(&full, batches: 2) == [Array(0..<5), Array(0..<5)])
    }

    @Test("replacement: full batches of indices in range, repeats allowed, epochs of ⌊n / batch⌋ batches")
    func replacement() throws {
        var loader = try BatchLoader(dataset: Self.numbered(10), batchSize: .examples(4), sampling: .replacement, seed: 5)
        #expect(loader.batchesPerEpoch == 2)
        let batches = Self.draw(&loader, batches: 500)
        #expect(batches.allSatisfy { $0.count == 4 && $0.allSatisfy { (0..<10).contains($0) } })
        var hits = [Int](repeating: 0, count: 10)
        for index in batches.joined() { hits[index] += 1 }
        #expect(hits.allSatisfy { $0 > 120 && $0 < 280 })  // 200 expected each; ±6σ
        #expect(batches.contains { Set($0).count < $0.count })
        #expect(loader.state.epoch == 250)
        var large = try BatchLoader(dataset: Self.numbered(3), batchSize: .examples(8), sampling: .replacement, seed: 5)
        #expect(large.batchesPerEpoch == 1 && Self.draw(&large, batches: 1)[0].count == 8)
    }

    @Test("batches report their epoch and place")
    func batchPlaces() throws {
        var loader = try BatchLoader(dataset: Self.numbered(5), batchSize: .examples(2), sampling: .shuffle, seed: 1)
        var indices = [Int](repeating: 0, count: 2)
        let batches = (0..<4).map { _ in indices.withUnsafeMutableBufferPointer { loader.nextIndices(into: $0) } }
        #expect(batches == [Batch(size: 2, epoch: 0, indexInEpoch: 0, endsEpoch: false),
                            Batch(size: 2, epoch: 0, indexInEpoch: 1, endsEpoch: false),
                            Batch(size: 1, epoch: 0, indexInEpoch: 2, endsEpoch: true),
                            Batch(size: 2, epoch: 1, indexInEpoch: 0, endsEpoch: false)])
    }

    @Test("a state saved mid-epoch resumes the same batch sequence", arguments: BatchSampling.allCases)
    func stateRoundTrip(sampling: BatchSampling) throws {
        let data = try Self.numbered(23)
        var original = try BatchLoader(dataset: data, batchSize: .examples(5), sampling: sampling, seed: 99)
        _ = Self.draw(&original, batches: 7)  // one epoch and two batches into the next
        let saved = try JSONEncoder().encode(original.state)
        let expected = Self.draw(&original, batches: 12)

        let state = try JSONDecoder().decode(BatchLoaderState.self, from: saved)
        var resumed = try BatchLoader(dataset: data, resuming: state)
        #expect(Self.draw(&resumed, batches: 12) == expected)
        #expect(resumed.state == original.state)
    }

    @Test("a state that does not fit the dataset is refused")
    func stateMismatch() throws {
        var loader = try BatchLoader(dataset: Self.numbered(10), batchSize: .examples(3), sampling: .shuffle, seed: 2)
        _ = Self.draw(&loader, batches: 2)
        let otherSize = datasetErrorMessage { try BatchLoader(dataset: Self.numbered(11), resuming: loader.state) }
        #expect(otherSize == "cannot resume the batch loader: the state is for 10 rows, dataset numbered has 11")
        var tampered = loader.state
        tampered.epochGenerator = SeededGenerator(seed: 12345)
        let message = datasetErrorMessage { try BatchLoader(dataset: Self.numbered(10), resuming: tampered) }
        #expect(message.hasPrefix("cannot resume the batch loader: the saved generators disagree"))
    }

    @Test("invalid batch sizes and empty datasets are refused")
    func invalidArguments() throws {
        #expect(datasetErrorMessage { try BatchLoader(dataset: Self.numbered(4), batchSize: .examples(0), sampling: .shuffle, seed: 0) }
                == "batch size is 0; allowed: at least 1")
        #expect(datasetErrorMessage { try BatchLoader(dataset: Self.numbered(0), batchSize: .full, sampling: .shuffle, seed: 0) }
                == "dataset numbered is empty; allowed: at least one example")
    }

    @Test("classification batches copy each chosen row's features and label")
    func fillsClassificationBatch() throws {
        var loader = try BatchLoader(dataset: Self.numbered(7), batchSize: .examples(3), sampling: .shuffle, seed: 11)
        var features = [Float](repeating: .nan, count: 6), labels = [Int32](repeating: -1, count: 3)
        for _ in 0..<5 {
            let batch = features.withUnsafeMutableBufferPointer { f in
                labels.withUnsafeMutableBufferPointer { l in loader.nextBatch(features: f, labels: l) }
            }
            for k in 0..<batch.size {
                let row = Int(features[2 * k])
                #expect(features[2 * k + 1] == -Float(row) && labels[k] == Int32(row % 3))
            }
        }
    }

    @Test("regression batches in float32 and float64 hold the same rows")
    func fillsRegressionBatch() throws {
        let data = try Dataset(name: "line", featuresDouble: (0..<6).map { Double($0) / 3 }, featureCount: 1,
                               targetsDouble: (0..<6).map { 1 + 2 * Double($0) / 3 })
        var single = try BatchLoader(dataset: data, batchSize: .examples(4), sampling: .shuffle, seed: 8)
        var double = single
        var f32 = [Float](repeating: 0, count: 4), t32 = [Float](repeating: 0, count: 4)
        var f64 = [Double](repeating: 0, count: 4), t64 = [Double](repeating: 0, count: 4)
        for _ in 0..<3 {
            let a = f32.withUnsafeMutableBufferPointer { f in t32.withUnsafeMutableBufferPointer { single.nextBatch(features: f, targets: $0) } }
            let b = f64.withUnsafeMutableBufferPointer { f in t64.withUnsafeMutableBufferPointer { double.nextBatch(features: f, targets: $0) } }
            #expect(a == b)
            for k in 0..<a.size {
                #expect(f32[k] == Float(f64[k]) && t32[k] == Float(t64[k]))
                #expect(abs(t64[k] - (1 + 2 * f64[k])) < 1e-12)
            }
        }
    }
}
