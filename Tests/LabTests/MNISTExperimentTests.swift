import Datasets
import Foundation
import Plot
import Testing
@testable import Lab

@Suite("mnist (deep learning from scratch, ch. 6)")
struct MNISTExperimentTests {
    static let iterations = 20
    /// The experiment on the synthetic images, 20 iterations, run once for the tests that read it.
    static let shared = Result { try MNISTExperiment().run(try LabTestData.context(iterations: iterations)) }

    static var installedFolder: String? {
        (DatasetCatalog.searchFolders(for: "mnist", environment: ProcessInfo.processInfo.environment)
            + DatasetCatalog.searchFolders(for: "fashion-mnist", environment: ProcessInfo.processInfo.environment))
            .first(where: MNISTFolder.isComplete)
    }

    @Test("the book's lines: a block every 100 iterations with each optimizer's loss, then the test accuracies")
    func bookLines() {
        let losses: [[Float]] = [(0..<250).map { 2 - Float($0) / 200 }, [2.5, 0.5], (0..<250).map { _ in 0.25 }]
        let lines = MNISTExperiment.bookLines(names: ["SGD", "Adam", "AdaGrad"], losses: losses,
                                              accuracies: [0.91234, nil, 0.5])
        #expect(lines == [
            "===========iteration:0===========", "SGD:2.0", "Adam:2.5", "AdaGrad:0.25",
            "===========iteration:100===========", "SGD:1.5", "Adam:diverged", "AdaGrad:0.25",
            "===========iteration:200===========", "SGD:1.0", "Adam:diverged", "AdaGrad:0.25",
            "===========test accuracy===========", "SGD:0.9123", "Adam:diverged", "AdaGrad:0.5000",
        ])
    }

    @Test("five optimizers with the book's rates, all starting from the same weights on the same batch")
    func sameStart() throws {
        let report = try Self.shared.get()
        let lines = report.lines
        #expect(lines.first == "===========iteration:0===========")
        let first = lines[1...5].map { $0.split(separator: ":") }
        #expect(first.map { String($0[0]) } == ["SGD", "Momentum", "AdaGrad", "Adam", "RMSprop"])
        #expect(Set(first.map { $0[1] }).count == 1, "iteration 0 is before any update: \(first)")
        let accuracyHeader = try #require(lines.firstIndex(of: "===========test accuracy==========="))
        #expect(lines.count == accuracyHeader + 6)
        let specs = try #require(report[number: "runs"]?.arrayValue).compactMap { $0["optimizer"]?.stringValue }
        #expect(specs == ["sgd(lr=0.01)", "sgd(lr=0.01, momentum=0.9)", "adagrad(lr=0.01, eps=1e-07)",
                          "adam(lr=0.001)", "rmsprop(lr=0.01, eps=1e-07)"])
    }

    @Test("the numbers: each run's losses, its final smooth_curve value, test accuracy and speed")
    func numbers() throws {
        let report = try Self.shared.get()
        #expect(report[number: "iterations"] == .int(Self.iterations))
        #expect(report[number: "batch_size"] == .int(128))
        #expect(report[number: "sampling"]?.stringValue == "replacement")
        #expect(report[number: "model"]?.stringValue == "mlp:100,100,100,100")
        let runs = try #require(report[number: "runs"]?.arrayValue)
        #expect(runs.count == 5)
        for run in runs {
            let losses = try #require(run["losses"]?.arrayValue).compactMap(\.numberValue)
            #expect(losses.count == Self.iterations)
            let smoothed = try #require(run["final_smoothed_loss"]?.numberValue)
            #expect(abs(smoothed - Smoothing.smoothCurve(losses).last!) < 1e-6 * max(1, smoothed))
            let accuracy = try #require(run["test_accuracy"]?.numberValue)
            #expect((0...1).contains(accuracy))
            #expect(try #require(run["steps_per_second"]?.numberValue) > 0)
            #expect(run["diverged_at"] == .null)
        }
        let adamAccuracy = runs[3]["test_accuracy"]?.numberValue ?? 0
        #expect(adamAccuracy > 0.5, "Adam learns the synthetic bands in \(Self.iterations) steps: \(adamAccuracy)")
        #expect(report.tables.first?.rows.count == 5)
    }

    @Test("figures: the book's smoothed curves next to the raw ones on a log axis, and one bar per optimizer")
    func figures() throws {
        let report = try Self.shared.get()
        #expect(report.figures.map(\.name) == ["mnist-loss", "mnist-accuracy"])
        let loss = parseXML(report.figures[0].figure.svg())
        #expect(loss.wellFormed, "\(loss.error ?? "")")
        #expect(loss.elements(withClass: "panel").count == 2)
        let grid = try #require(report.figures[0].figure.chart as? PanelGrid)
        let charts = grid.panels.compactMap { $0 as? LineChart }
        #expect(charts.map(\.series.count) == [5, 10], "five smoothed curves; five raw and five smoothed")
        #expect(charts.map(\.y.scale) == [.linear, .log10])
        #expect(charts[0].y.domain == 0...1)
        #expect(charts[1].series.filter { $0.style == .raw }.count == 5)
        let bars = parseXML(report.figures[1].figure.svg())
        #expect(bars.wellFormed)
        #expect(bars.elements("rect", inside: "bars").count == 5)
    }

    @Test("MNIST in the user's data folder comes first; --examples keeps the first N of each set")
    func dataLocation() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mnist = folder.appendingPathComponent("descent/mnist")
        try FileManager.default.createDirectory(at: mnist.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try LabTestData.mnistFolder.get(), toPath: mnist.path)
        let environment = ["HOME": "/nonexistent", "XDG_DATA_HOME": folder.path]
        let data = try LabData.mnist(.quiet, environment: environment)
        #expect(data.name == "mnist" && data.train.count == LabTestData.trainCount)
        let limited = LabData.limited(data, to: 50)
        #expect(limited.train.count == 50 && limited.test?.count == 50)
        #expect(LabData.limited(data, to: nil).train.count == LabTestData.trainCount)
    }

    @Test("without MNIST it takes Fashion-MNIST, or names every folder it looked in")
    func fallback() throws {
        let environment = ["HOME": "/nonexistent"]
        if MNISTFolder.isComplete(DatasetCatalog.fashionMNISTSystemFolder) {
            #expect(try LabData.mnist(.quiet, environment: environment).name == "fashion-mnist")
        } else {
            do {
                _ = try LabData.mnist(.quiet, environment: environment)
                Issue.record("expected an error")
            } catch let error as DatasetError {
                #expect(error.description.contains(DatasetCatalog.fashionMNISTSystemFolder))
                #expect(error.description.contains("/nonexistent/.local/share/descent/mnist"))
                #expect(error.description.contains("--data"))
            }
        }
    }

    @Test("a quick run on the installed MNIST or Fashion-MNIST", .enabled(if: installedFolder != nil))
    func installedData() throws {
        let context = LabContext(iterations: 10, examples: 1000)
        let report = try MNISTExperiment().run(context)
        let dataset = try #require(report[number: "dataset"]?.stringValue)
        #expect(["mnist", "fashion-mnist"].contains(dataset))
        let runs = try #require(report[number: "runs"]?.arrayValue)
        #expect(runs.count == 5 && runs.allSatisfy { $0["losses"]?.arrayValue?.count == 10 })
    }
}
