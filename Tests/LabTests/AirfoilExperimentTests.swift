import Datasets
import Foundation
import Optimizers
import TensorCore
import Testing
@testable import Lab

@Suite("airfoil (d2l train_ch7, every optimizer)")
struct AirfoilExperimentTests {
    static let shared = Result { try AirfoilExperiment().run(try LabTestData.context()) }
    static let bookLine = try! NSRegularExpression(pattern: #"^loss: \d\.\d{3}, \d+\.\d{3} sec/epoch$"#)

    static func matchesBookLine(_ text: String) -> Bool {
        bookLine.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("every optimizer prints d2l's line and none diverges")
    func lines() throws {
        let report = try Self.shared.get()
        let kinds = AirfoilExperiment.groups.flatMap(\.optimizers).map { String($0.prefix { $0 != "(" }) }
        #expect(kinds == ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta",
                          "adam", "adamw", "adamax", "nadam", "radam", "lion"])
        #expect(report.lines.count == 12)
        for line in report.lines {
            let parts = line.components(separatedBy: ": loss: ")
            #expect(parts.count == 2 && Self.matchesBookLine("loss: " + parts[1]), "\(line)")
        }
        let runs = try #require(report[number: "runs"]?.arrayValue)
        #expect(runs.count == 12 && runs.allSatisfy { $0["diverged_at"] == .null })
    }

    @Test("the loss over all 1500 examples every 100 examples: 31 points from epoch 0 to 2, each run ending lower")
    func curves() throws {
        let runs = try #require(try Self.shared.get()[number: "runs"]?.arrayValue)
        for run in runs {
            let epochs = try #require(run["epochs"]?.arrayValue).compactMap(\.numberValue)
            let losses = try #require(run["losses"]?.arrayValue).compactMap(\.numberValue)
            #expect(epochs.count == 31 && losses.count == 31)
            for (k, epoch) in epochs.enumerated() { #expect(abs(epoch - Double(k) / 15) < 1e-12) }
            let label = run["label"]?.stringValue ?? "?"
            #expect(losses[30] < 0.3 && losses[30] < losses[0] / 1.5, "\(label) ends at \(losses[30])")
        }
    }

    /// d2l's train_ch7 for SGD at lr 0.05 written out in float64 on the same batches and start.
    @Test("SGD's curve equals d2l's minibatch SGD written out on the same batches")
    func sgdWrittenOut() throws {
        let data = try Airfoil.load(path: LabTestData.airfoilFile).train
        var generator = SeededGenerator(seed: AirfoilTraining.seed)
        var w = (0..<5).map { _ in Double(Float(0.01 * generator.normal())) }
        var b = 0.0
        let x = data.features.map(Double.init), y = data.targets!.map(Double.init)
        func loss(_ rows: [Int]) -> (loss: Double, residuals: [Double]) {
            let r = rows.map { i in (0..<5).reduce(b) { $0 + x[i * 5 + $1] * w[$1] } - y[i] }
            return (r.reduce(0) { $0 + $1 * $1 } / Double(2 * rows.count), r)
        }
        var loader = try BatchLoader(dataset: data, batchSize: .examples(10), sampling: .shuffle, seed: AirfoilTraining.seed + 1)
        var indices = [Int](repeating: 0, count: 10)
        var expected = [loss(Array(0..<1500)).loss]
        for step in 1...300 {
            let batch = indices.withUnsafeMutableBufferPointer { loader.nextIndices(into: $0) }
            let rows = Array(indices[0..<batch.size])
            let r = loss(rows).residuals
            for j in 0..<5 { w[j] -= 0.05 * zip(rows, r).reduce(0) { $0 + x[$1.0 * 5 + j] * $1.1 } / Double(rows.count) }
            b -= 0.05 * r.reduce(0, +) / Double(rows.count)
            if step % 10 == 0 { expected.append(loss(Array(0..<1500)).loss) }
        }
        let run = try AirfoilTraining.run(try OptimizerConfig(parsing: "sgd(lr=0.05)"), on: data)
        #expect(run.losses.count == expected.count)
        for (ours, theirs) in zip(run.losses, expected) { #expect(abs(ours - theirs) <= 1e-4 * theirs, "\(ours) vs \(theirs)") }
    }

    @Test("four panels of three optimizers, and a table row per optimizer")
    func figure() throws {
        let report = try Self.shared.get()
        #expect(report.figures.map(\.name) == ["airfoil"])
        let svg = parseXML(report.figures[0].figure.svg())
        #expect(svg.wellFormed, "\(svg.error ?? "")")
        #expect(svg.elements(withClass: "panel").count == 4)
        #expect(svg.elements("path", inside: "series").count == 12)
        #expect(report.tables.first?.rows.count == 12)
    }

    @Test("--iterations caps the steps; the last point is where the run stopped")
    func iterationsCap() throws {
        let data = try Airfoil.load(path: LabTestData.airfoilFile).train
        let run = try AirfoilTraining.run(try OptimizerConfig(parsing: "adam(lr=0.01)"), on: data, maxSteps: 25)
        let expected: [Double] = [0, 10, 20, 25].map { $0 / 150 }
        #expect(run.epochs == expected)
    }

    @Test("no airfoil file: the error names the places looked in and --airfoil; a missing given file is named")
    func missingFile() throws {
        do {
            _ = try LabData.airfoil(.quiet, defaultPath: "/nonexistent/shared/airfoil_self_noise.dat",
                                    environment: ["HOME": "/nonexistent"])
            Issue.record("expected an error")
        } catch let error as DatasetError {
            #expect(error.description.contains("/nonexistent/shared/airfoil_self_noise.dat"))
            #expect(error.description.contains("/nonexistent/data/airfoil/airfoil_self_noise.dat"))
            #expect(error.description.contains("--airfoil FILE"))
        }
        do {
            _ = try LabData.airfoil(LabContext(airfoilFile: "/nonexistent/given.dat"))
            Issue.record("expected an error")
        } catch let error as DatasetError {
            #expect(error.description.contains("/nonexistent/given.dat"))
        }
    }
}

@Suite("momentum: the airfoil regression (d2l §7.4)")
struct MomentumAirfoilTests {
    static let shared = Result { try MomentumAirfoil().run(try LabTestData.context()) }

    @Test("d2l's three runs, each its title and then 'loss: …, … sec/epoch'")
    func lines() throws {
        let report = try Self.shared.get()
        #expect(report.lines.count == 6)
        for (index, item) in MomentumAirfoil.cases.enumerated() {
            #expect(report.lines[2 * index] == item.title + ", airfoil regression:")
            #expect(AirfoilExperimentTests.matchesBookLine(report.lines[2 * index + 1]), "\(report.lines[2 * index + 1])")
        }
    }

    @Test("β = 0.9 at η = 0.02 is noisier in the second epoch than β = 0.5 at the same rate and β = 0.9 at 0.004")
    func largerMomentumIsNoisier() throws {
        let runs = try #require(try Self.shared.get()[number: "airfoil"]?["runs"]?.arrayValue)
        func wiggle(_ run: JSONValue) -> Double {
            let losses = (run["losses"]?.arrayValue ?? []).compactMap(\.numberValue).suffix(16)
            return zip(losses, losses.dropFirst()).reduce(0) { $0 + abs($1.1 - $1.0) }
        }
        #expect(runs.count == 3)
        #expect(wiggle(runs[1]) > 2 * wiggle(runs[0]))
        #expect(wiggle(runs[1]) > 2 * wiggle(runs[2]))
    }

    @Test("one figure with the three curves")
    func figure() throws {
        let report = try Self.shared.get()
        #expect(report.figures.map(\.name) == ["momentum-airfoil"])
        let svg = parseXML(report.figures[0].figure.svg())
        #expect(svg.wellFormed && svg.elements("path", inside: "series").count == 3)
    }
}
