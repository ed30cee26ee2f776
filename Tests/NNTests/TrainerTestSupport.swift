import Datasets
import Foundation
import NN
import Optimizers
import TensorCore

/// Small synthetic datasets and helpers for the trainer and checkpoint tests.
enum TrainerTestSupport {
    /// `rows` examples of `features` features in `classes` Gaussian blobs (unit noise around
    /// centres drawn from N(0, 3²)), labels cycling through the classes. Deterministic.
    static func blobs(rows: Int = 240, features: Int = 6, classes: Int = 3, seed: UInt64 = 7) -> Dataset {
        var g = SeededGenerator(seed: seed)
        let centres = (0..<(classes * features)).map { _ in 3 * g.normal() }
        var x = [Float](), labels = [Int32]()
        for r in 0..<rows {
            let label = r % classes
            labels.append(Int32(label))
            for f in 0..<features { x.append(Float(centres[label * features + f] + g.normal())) }
        }
        return try! Dataset(name: "blobs", features: x, featureCount: features, labels: labels, classCount: classes)
    }

    /// `rows` examples of y = x · w + 0.1 · noise with `features` standard-normal features.
    static func linearData(rows: Int = 200, features: Int = 4, seed: UInt64 = 3) -> Dataset {
        var g = SeededGenerator(seed: seed)
        let w = (0..<features).map { _ in g.normal() }
        var x = [Double](), y = [Double]()
        for _ in 0..<rows {
            let row = (0..<features).map { _ in g.normal() }
            x += row
            y.append(zip(row, w).reduce(0) { $0 + $1.0 * $1.1 } + 0.1 * g.normal())
        }
        return try! Dataset(name: "linear", featuresDouble: x, featureCount: features, targetsDouble: y)
    }

    static func split(_ train: Dataset, test: Dataset? = nil) -> DataSplit {
        DataSplit(name: train.name, description: "synthetic", train: train, test: test)
    }

    static func configuration(model: String = "mlp:16,16", optimizer: String, schedule: String? = nil,
                              batchSize: BatchSize = .examples(16), sampling: BatchSampling = .shuffle,
                              seed: UInt64 = 0, steps: Int) throws -> TrainingConfiguration {
        TrainingConfiguration(model: try ModelSpec(parsing: model), optimizer: try OptimizerConfig(parsing: optimizer),
                              schedule: try schedule.map { try ScheduleConfig(parsing: $0) },
                              batchSize: batchSize, sampling: sampling, seed: seed, length: .iterations(steps))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-nn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Collects text written by a progress reporter.
final class TextSink: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
    func append(_ part: String) { lock.lock(); parts.append(part); lock.unlock() }
}
