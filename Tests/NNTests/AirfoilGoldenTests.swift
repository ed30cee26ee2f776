import Datasets
import Foundation
import NN
import Optimizers
import Testing

/// The training engine against torch's float64 numbers for d2l's airfoil linear regression
/// (Fixtures/torch-airfoil-linreg.json): every optimizer of the golden file, driven through
/// `Trainer` exactly as `descent train` drives it (sequential batches of 10, two epochs, w = b = 0),
/// with the loss over all 1500 rows at the start and every 100 examples, and the final w and b.
@Suite struct AirfoilGoldenTests {
    struct GoldenCase: CustomTestStringConvertible {
        var optimizer: String
        var params: [(String, Double)]
        var losses: [Double]
        var w: [Double]
        var b: Double
        var testDescription: String { "\(optimizer)(\(params.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")))" }
    }

    static func fixtureURL(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"))
    }

    static let cases: [GoldenCase] = {
        guard let url = try? fixtureURL("torch-airfoil-linreg", "json"), let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = root["cases"] as? [[String: Any]] else { return [] }
        return cases.map { c in
            let params = (c["params"] as? [String: Double] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            return GoldenCase(optimizer: c["optimizer"] as? String ?? "?", params: params,
                              losses: c["losses"] as? [Double] ?? [], w: c["w"] as? [Double] ?? [], b: c["b"] as? Double ?? .nan)
        }
    }()

    static func airfoil() throws -> Dataset {
        try Airfoil.load(path: fixtureURL("airfoil_self_noise", "dat").path).train
    }

    /// |ours − torch| ≤ 1e-4 · |torch| (float32 training lands within ~1e-5 of torch's float64).
    static func close(_ ours: Double, _ torch: Double) -> Bool {
        abs(ours - torch) <= 1e-4 * abs(torch)
    }

    @Test func theFixtureHoldsEveryOptimizer() {
        #expect(Self.cases.count == 11)
        #expect(Set(Self.cases.map(\.optimizer)) == ["sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam"])
    }

    @Test(arguments: cases)
    func trainerFollowsTorch(_ golden: GoldenCase) throws {
        let dataset = try Self.airfoil()
        let optimizer = try OptimizerConfig(name: golden.optimizer, arguments: golden.params.map { ($0.0, HyperValue.number($0.1)) })
        let configuration = TrainingConfiguration(model: try ModelSpec(parsing: "linear"), optimizer: optimizer,
                                                  batchSize: .examples(10), sampling: .sequential, length: .epochs(2))
        let trainer = try Trainer(configuration: configuration, dataset: dataset)
        #expect(trainer.loader.batchesPerEpoch == 150)
        var losses = [Double(try trainer.evaluate(dataset).loss)]
        while trainer.step < 300 {
            try trainer.trainStep()
            if trainer.step % 10 == 0 { losses.append(Double(try trainer.evaluate(dataset).loss)) }
        }
        #expect(losses.count == golden.losses.count)
        for (i, (ours, torch)) in zip(losses, golden.losses).enumerated() {
            #expect(Self.close(ours, torch), "\(golden.testDescription) loss \(i): \(ours) vs torch \(torch)")
        }
        let weights = trainer.model.exportWeights()
        for (i, (ours, torch)) in zip(weights[0], golden.w).enumerated() {
            #expect(Self.close(Double(ours), torch), "\(golden.testDescription) w[\(i)]: \(ours) vs torch \(torch)")
        }
        #expect(Self.close(Double(weights[1][0]), golden.b), "\(golden.testDescription) b: \(weights[1][0]) vs torch \(golden.b)")
    }

    /// d2l's train_ch7 (linear regression from N(0, 0.01²) weights, shuffled batches of 10,
    /// two epochs, sgd with momentum 0.5 at lr 0.02): the book ends at a training loss of 0.2455.
    /// Our shuffles are our own generator's, so the check is a band around it, for a few seeds.
    @Test(arguments: [0, 1, 2] as [UInt64])
    func d2lTrainCh7EndsNearTheBooksLoss(seed: UInt64) throws {
        let dataset = try Self.airfoil()
        let configuration = TrainingConfiguration(
            model: try ModelSpec(parsing: "linear,init=normal(0.01)"),
            optimizer: try OptimizerConfig(parsing: "sgd(lr=0.02, momentum=0.5)"),
            batchSize: .examples(10), sampling: .shuffle, seed: seed, length: .epochs(2))
        let run = try TrainingRun(configuration: configuration, data: DataSplit(name: "airfoil", description: "", train: dataset),
                                  options: .init(progress: .silent))
        let summary = try run.run()
        #expect(summary.steps == 300)
        #expect((0.23...0.26).contains(summary.finalTrainLoss), "final training loss \(summary.finalTrainLoss)")
    }
}
