import Foundation
import Testing
@testable import Lab

@Suite("learning-rate (1-D visualiser)")
struct LearningRateExperimentTests {
    /// Gradient descent on J(θ) = 0.5(θ−1)² + 0.5 written out: θₖ₊₁ = θₖ − lr(θₖ − 1).
    static func finalTheta(lr: Double, steps: Int = 10) -> Double {
        var theta = -1.0
        for _ in 0..<steps { theta -= lr * (theta - 1) }
        return theta
    }

    @Test("final θ and loss for each learning rate match the recurrence",
          arguments: zip([0.05, 0.33, 1.87, 2.18], ["converges", "converges", "oscillates, converging", "diverges"]))
    func finalTheta(lr: Double, behaviour: String) throws {
        let report = try SharedReports.learningRate.get()
        let runs = try #require(report[number: "runs"]?.arrayValue)
        let run = try #require(runs.first { $0["lr"]?.numberValue == lr })
        let theta = Self.finalTheta(lr: lr)
        let got = try #require(run["final_theta"]?.numberValue)
        #expect(abs(got - theta) <= 1e-12 * max(1, abs(theta)))
        let loss = 0.5 * (theta - 1) * (theta - 1) + 0.5
        #expect(abs((run["final_loss"]?.numberValue ?? .nan) - loss) <= 1e-12 * max(1, loss))
        #expect(run["behaviour"]?.stringValue == behaviour)
        #expect(report.lines.contains("lr = \(lr): final θ = \(String(format: "%f", theta)), loss J(θ) = \(String(format: "%f", loss))"))
    }

    @Test("one 2×2 figure of steps charts; the divergent panel's view widens to θ₁₀")
    func figure() throws {
        let report = try SharedReports.learningRate.get()
        #expect(report.figures.count == 1)
        let svg = parseXML(report.figures[0].figure.svg())
        #expect(svg.wellFormed)
        #expect(svg.elements(withClass: "panel").count == 4)
        let theta = Self.finalTheta(lr: 2.18)
        #expect(theta < -9)
        // The widened axis has a tick at or beyond θ₁₀ (≈ −9.47), e.g. "-10".
        let svgText = report.figures[0].figure.svg()
        #expect(svgText.contains(">-10<"))
    }

    @Test("behaviour is read off the iterates")
    func behaviour() {
        #expect(LearningRateExperiment.behaviour(of: [-1, 0, 0.5], minimum: 1) == "converges")
        #expect(LearningRateExperiment.behaviour(of: [-1, 2, 0.5], minimum: 1) == "oscillates, converging")
        #expect(LearningRateExperiment.behaviour(of: [-1, 4, -5], minimum: 1) == "diverges")
    }
}
