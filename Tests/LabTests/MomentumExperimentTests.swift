import Foundation
import Testing
@testable import Lab

@Suite("momentum (d2l §7.4)")
struct MomentumExperimentTests {
    /// d2l's `train_2d` with `gd_2d` / `momentum_2d`, written out here independently of the
    /// optimizer library: v ← βv + ∇f, x ← x − ηv on f = 0.1x₁² + 2x₂², 20 steps from (−5, −2).
    static func d2lTrain(eta: Double, beta: Double) -> String {
        var (x1, x2, v1, v2) = (-5.0, -2.0, 0.0, 0.0)
        for _ in 0..<20 {
            v1 = beta * v1 + 0.2 * x1
            v2 = beta * v2 + 4 * x2
            x1 -= eta * v1
            x2 -= eta * v2
        }
        return String(format: "epoch 20, x1: %f, x2: %f", x1, x2)
    }

    @Test("prints the book's lines for gradient descent at η 0.4 and 0.6 and momentum 0.5 at η 0.6")
    func bookLines() throws {
        let report = try SharedReports.momentum.get()
        // As printed in d2l §7.4 (pytorch edition).
        #expect(report.lines.contains("epoch 20, x1: -0.943467, x2: -0.000073"))
        #expect(report.lines.contains("epoch 20, x1: -0.387814, x2: -1673.365109"))
        #expect(report.lines.contains("epoch 20, x1: 0.007188, x2: 0.002553"))
    }

    @Test("each run's line follows its title and equals d2l's train_2d written out",
          arguments: [(0.4, 0.0), (0.6, 0.0), (0.4, 0.5), (0.6, 0.5)])
    func eachRun(eta: Double, beta: Double) throws {
        let report = try SharedReports.momentum.get()
        let title = beta == 0 ? "gradient descent, η = \(eta):" : "momentum β = \(beta), η = \(eta):"
        let index = try #require(report.lines.firstIndex(of: title))
        #expect(report.lines[index + 1] == Self.d2lTrain(eta: eta, beta: beta))
    }

    @Test("the averaging weights are βⁱ for i < 40 and sum to (1 − β⁴⁰)/(1 − β)")
    func averagingWeights() throws {
        let report = try SharedReports.momentum.get()
        let series = try #require(report[number: "averaging_weights"]?["series"]?.arrayValue)
        #expect(series.count == 4)
        for item in series {
            let beta = try #require(item["beta"]?.numberValue)
            let weights = try #require(item["weights"]?.arrayValue).compactMap(\.numberValue)
            #expect(weights.count == 40)
            for (i, w) in weights.enumerated() { #expect(abs(w - pow(beta, Double(i))) < 1e-15) }
            let sum = try #require(item["sum"]?.numberValue)
            let expected = beta == 0 ? 1 : (1 - pow(beta, 40)) / (1 - beta)
            #expect(abs(sum - expected) < 1e-12)
        }
    }

    @Test("three figures: four contour panels with one path each, four weight curves, the airfoil losses")
    func figures() throws {
        let report = try SharedReports.momentum.get()
        #expect(report.figures.map(\.name) == ["momentum-paths", "momentum-weights", "momentum-airfoil"])
        let paths = parseXML(report.figures[0].figure.svg())
        #expect(paths.wellFormed, "\(paths.error ?? "")")
        #expect(paths.elements(withClass: "panel").count == 4)
        #expect(paths.elements("path", inside: "paths").count == 4)
        let weights = parseXML(report.figures[1].figure.svg())
        #expect(weights.wellFormed)
        #expect(weights.elements("path", inside: "series").count == 4)
    }
}
