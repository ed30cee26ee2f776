import Landscapes
import Optimizers
import Plot

/// The learning-rate visualiser: gradient descent on J(θ) = 0.5(θ−1)² + 0.5 from θ = −1 for
/// 10 steps. The error θ−1 is multiplied by (1−lr) each step, so lr 0.05 creeps, 0.33
/// converges, 1.87 overshoots back and forth but settles, and 2.18 flies off.
public struct LearningRateExperiment: LabExperiment {
    public let name = "learning-rate"
    public let title = "Learning rate on a 1-D bowl"
    public let summary = """
        Ten gradient-descent steps on J(θ) = 0.5(θ−1)² + 0.5 from θ = −1: too small a rate \
        creeps, a good one converges, a large one oscillates, and above 2 it diverges (the view \
        widens to follow it).
        """
    /// The visualiser's four rates: too small, good, oscillating, divergent.
    public static let learningRates = [0.05, 0.33, 1.87, 2.18]
    /// Gradient-descent steps from θ = −1.
    public static let steps = 10

    public init() {}

    /// How a run behaved, from its iterates and the minimiser: `diverges` when the last error
    /// is larger than the first, `oscillates` when the error changes sign, else `converges`.
    public static func behaviour(of thetas: [Double], minimum: Double) -> String {
        let errors = thetas.map { $0 - minimum }
        guard let first = errors.first, let last = errors.last else { return "no steps" }
        if !last.isFinite || abs(last) > abs(first) { return "diverges" }
        if zip(errors, errors.dropFirst()).contains(where: { $0 * $1 < 0 }) { return "oscillates, converging" }
        return "converges"
    }

    public func run(_ context: LabContext) throws -> LabReport {
        let function = TestFunction.bowl1D
        let minimum = function.minima[0][0]
        var report = LabReport()
        var panels: [any Chart] = []
        var runs: [JSONValue] = []
        var rows: [[String]] = []
        for lr in Self.learningRates {
            let run = try LabTrace.run(function, "sgd(lr=\(lr))", steps: Self.steps)
            let thetas = run.points.map { $0[0] }
            let theta = thetas[thetas.count - 1]
            let loss = function.value([theta])
            let behaviour = Self.behaviour(of: thetas, minimum: minimum)
            report.lines.append("lr = \(lr): final θ = \(LabFormat.fixed(theta)), loss J(θ) = \(LabFormat.fixed(loss))")
            panels.append(try LandscapePlot.steps(function, run: run,
                                                  title: "lr = \(lr): θ₁₀ = \(LabFormat.compact(theta)), \(behaviour)"))
            runs.append(.object([
                ("lr", .number(lr)),
                ("thetas", .array(thetas.map(JSONValue.number))),
                ("losses", .array(thetas.map { .number(function.value([$0])) })),
                ("final_theta", .number(theta)),
                ("final_loss", .number(loss)),
                ("behaviour", .string(behaviour)),
            ]))
            rows.append([LabFormat.compact(lr), LabFormat.fixed(theta), LabFormat.fixed(loss), behaviour])
        }
        report.tables.append(LabTable(title: "After \(Self.steps) steps from θ = −1",
                                      columns: ["lr", "θ₁₀", "J(θ₁₀)", "behaviour"], rows: rows))
        let grid = try PanelGrid(panels: panels, columns: 2,
                                 title: "Gradient descent on J(θ) = 0.5(θ−1)² + 0.5, \(Self.steps) steps from θ = −1")
        report.figures.append(LabFigure(
            name: "learning-rate",
            caption: "The iterates θₖ on the curve for four learning rates; start ○, end ■, minimum ★.",
            figure: Figure(grid: grid, panelWidth: 460, panelHeight: 360)))
        report.numbers += [
            ("function", .string(function.name)), ("start", .number(function.defaultStart[0])),
            ("steps", .int(Self.steps)), ("runs", .array(runs)),
        ]
        return report
    }
}
