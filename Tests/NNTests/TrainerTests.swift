import Datasets
import Foundation
import NN
import Optimizers
import TensorCore
import Testing

/// The training loop itself: batches, lengths, evaluation, seeds and the summary.
@Suite struct TrainerTests {
    @Test func aSmallNetworkLearnsTheBlobs() throws {
        let data = TrainerTestSupport.split(TrainerTestSupport.blobs(), test: TrainerTestSupport.blobs(rows: 90, seed: 7))
        let configuration = try TrainerTestSupport.configuration(optimizer: "adam(lr=0.01)", steps: 150)
        let summary = try TrainingRun(configuration: configuration, data: data, options: .init(progress: .silent)).run()
        #expect(summary.steps == 150)
        #expect(summary.finalTrainLoss < 0.05)
        #expect((summary.test?.accuracy ?? 0) > 0.95)
        #expect(summary.optimizer == "adam(lr=0.01)" && summary.model == "mlp:16,16")
    }

    @Test func epochsCountWholePassesIncludingThePartialLastBatch() throws {
        var configuration = try TrainerTestSupport.configuration(optimizer: "sgd(lr=0.01)", batchSize: .examples(50), steps: 1)
        configuration.length = .epochs(3)
        let run = try TrainingRun(configuration: configuration, data: TrainerTestSupport.split(TrainerTestSupport.blobs()),
                                  options: .init(progress: .silent))
        #expect(run.totalSteps == 15, "240 rows in batches of 50: 5 batches per epoch")
        var sizes: [Int] = []
        run.onStep = { sizes.append($0.epoch) }
        let summary = try run.run()
        #expect(summary.epochs == 3)
        #expect(sizes == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    }

    @Test func fullBatchStepsUseEveryExample() throws {
        let data = TrainerTestSupport.linearData()
        let configuration = try TrainerTestSupport.configuration(model: "linear", optimizer: "sgd(lr=0.1)", batchSize: .full, steps: 3)
        let trainer = try Trainer(configuration: configuration, dataset: data)
        let before = try trainer.evaluate(data).loss
        let first = try trainer.trainStep()
        #expect(first.loss == before, "the first full batch is the whole training set")
        #expect(trainer.loader.batchesPerEpoch == 1)
    }

    @Test func theSameSeedRepeatsARunAndAnotherSeedChangesIt() throws {
        let data = TrainerTestSupport.blobs()
        func losses(seed: UInt64) throws -> [Float] {
            let trainer = try Trainer(configuration: TrainerTestSupport.configuration(optimizer: "adam(lr=0.01)", seed: seed, steps: 20),
                                      dataset: data)
            return try (0..<20).map { _ in try trainer.trainStep().loss }
        }
        #expect(try losses(seed: 3) == losses(seed: 3))
        #expect(try losses(seed: 3) != losses(seed: 4))
    }

    @Test func everyOptimizerStartsFromTheSameWeightsOnTheSameBatches() throws {
        let data = TrainerTestSupport.blobs()
        let a = try Trainer(configuration: TrainerTestSupport.configuration(optimizer: "adam(lr=0.01)", steps: 5), dataset: data)
        let b = try Trainer(configuration: TrainerTestSupport.configuration(optimizer: "sgd(lr=0.5)", steps: 5), dataset: data)
        #expect(a.model.exportWeights() == b.model.exportWeights())
        #expect(try a.trainStep().loss == b.trainStep().loss)
        #expect(a.loader.state == b.loader.state)
    }

    @Test func evaluationInChunksMatchesOneForwardPass() throws {
        let data = TrainerTestSupport.blobs(rows: 2500)
        let trainer = try Trainer(configuration: TrainerTestSupport.configuration(optimizer: "adam(lr=0.01)", steps: 5), dataset: data)
        for _ in 0..<5 { try trainer.trainStep() }
        let chunked = try trainer.evaluate(data)
        let labels = data.labels!.map(Int.init)
        let whole = trainer.model.evaluate(x: .init(data.features, shape: [2500, 6]), targets: .classes(labels))
        #expect(abs(chunked.loss - whole.loss) <= 1e-5 * whole.loss)
        #expect(chunked.accuracy == whole.accuracy)
    }

    @Test func aDatasetThatDoesNotFitTheModelIsRefused() throws {
        let model = MLP(inputSize: 5, hiddenSizes: [4], outputSize: 3, seed: 0)
        let optimizer = try Optimizer<Float>(OptimizerConfig(parsing: "sgd"), parameters: model.parameters)
        let loader = try BatchLoader(dataset: TrainerTestSupport.blobs(), batchSize: .examples(8), sampling: .shuffle, seed: 0)
        #expect(throws: TrainingError.datasetDoesNotFit(dataset: "blobs", reason: "it has 6 features per example, the model takes 5")) {
            try Trainer(model: model, optimizer: optimizer, loader: loader)
        }
        let regression = try BatchLoader(dataset: TrainerTestSupport.linearData(features: 5), batchSize: .examples(8), sampling: .shuffle, seed: 0)
        #expect(throws: TrainingError.datasetDoesNotFit(dataset: "linear", reason: "it holds real-valued targets, the model is a classifier")) {
            try Trainer(model: model, optimizer: optimizer, loader: regression)
        }
    }

    @Test func theSummaryJSONHasTheContractsKeysInOrder() throws {
        let data = TrainerTestSupport.split(TrainerTestSupport.blobs(), test: TrainerTestSupport.blobs(rows: 30))
        let summary = try TrainingRun(configuration: TrainerTestSupport.configuration(optimizer: "adam(lr=0.01)", steps: 4), data: data,
                                      options: .init(progress: .silent)).run()
        guard case let .object(members) = summary.json else { Issue.record("not an object"); return }
        #expect(Array(members.map(\.0).prefix(10)) == ["dataset", "model", "optimizer", "steps", "seconds", "steps_per_second",
                                                       "final_train_loss", "test_loss", "test_accuracy", "log"])
        #expect(summary.json["steps"] == .int(4))
    }

    @Test func plainProgressLinesComeAtEveryTenthOfTheRun() {
        let sink = TextSink()
        let reporter = ProgressReporter(label: "Adam(lr=0.01)", totalSteps: 50, style: .lines, output: sink.append)
        for step in 1...50 { reporter.update(TrainingStep(step: step, epoch: step / 20, loss: 0.5, learningRate: 0.01)) }
        let lines = sink.text.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.first?.hasPrefix("Adam(lr=0.01) step 5/50 (10%) epoch 0 loss 0.5 ") == true)
        #expect(lines.last?.contains("step 50/50 (100%) epoch 2 loss 0.5 ") == true)
        #expect(lines.allSatisfy { $0.contains(" steps/s ETA ") })
    }
}
