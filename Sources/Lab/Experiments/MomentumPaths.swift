import Landscapes
import Optimizers
import Plot

/// d2l §7.4's traces: 20 steps from (−5, −2) on 0.1x₁² + 2x₂² (`d2l-ill`) for gradient descent
/// at η = 0.4 and 0.6 and momentum β = 0.5 at both, printed as d2l's `train_2d` prints them:
/// `epoch 20, x1: -0.943467, x2: -0.000073`.
public struct MomentumPaths: LabSection {
    /// One run: a title and its optimizer spec.
    public struct Case: Sendable {
        public var title: String
        public var optimizer: String
    }

    /// d2l's runs: gradient descent at η = 0.4 and 0.6, momentum β = 0.5 at both.
    public static let cases: [Case] = [
        Case(title: "gradient descent, η = 0.4", optimizer: "sgd(lr=0.4)"),
        Case(title: "gradient descent, η = 0.6", optimizer: "sgd(lr=0.6)"),
        Case(title: "momentum β = 0.5, η = 0.4", optimizer: "sgd(lr=0.4, momentum=0.5)"),
        Case(title: "momentum β = 0.5, η = 0.6", optimizer: "sgd(lr=0.6, momentum=0.5)"),
    ]
    /// d2l's `train_2d` default.
    public static let steps = 20

    public init() {}

    /// d2l's line after `train_2d`: `epoch N, x1: …, x2: …` with Python's `:f` format.
    public static func bookLine(_ run: TraceResult) -> String {
        let p = run.finalPoint
        return "epoch \(run.points.count - 1), x1: \(LabFormat.fixed(p[0])), x2: \(LabFormat.fixed(p[1]))"
    }

    public func run(_ context: LabContext) throws -> LabReport {
        let function = TestFunction.d2lIll
        var report = LabReport()
        var panels: [any Chart] = []
        var runsJSON: [JSONValue] = []
        var rows: [[String]] = []
        for (index, item) in Self.cases.enumerated() {
            let run = try LabTrace.run(function, item.optimizer, steps: Self.steps)
            let line = Self.bookLine(run)
            report.lines += [item.title + ":", line]
            let p = run.finalPoint
            var panel = try LandscapePlot.contour(function, runs: [run], title: item.title,
                                                  labels: ["x₂₀ = (\(LabFormat.compact(p[0])), \(LabFormat.compact(p[1])))"],
                                                  colorOffset: index)
            panel.explainMarkers = false
            panel.legendPlacement = .outsideBottom   // the η = 0.6 path leaves no free corner; keep panels alike
            panels.append(panel)
            runsJSON.append(run.pathJSON(leading: [("title", .string(item.title)), ("printed", .string(line))]))
            let h = run.spec.optimizer.hyperparameters
            rows.append([item.title, LabFormat.compact(h.learningRate), LabFormat.compact(h.momentum),
                         LabFormat.fixed(p[0]), LabFormat.fixed(p[1]), LabFormat.compact(run.finalValue)])
        }
        let grid = try PanelGrid(panels: panels, columns: 2,
                                 title: "0.1x₁² + 2x₂² from (−5, −2), \(Self.steps) steps")
        report.figures.append(LabFigure(
            name: "momentum-paths",
            caption: "Paths of gradient descent and momentum on d2l's ill-conditioned quadratic; start ○, "
                + "end ■, minimum ★ (the η = 0.6 gradient-descent path leaves the window along x₂).",
            figure: Figure(grid: grid, panelWidth: 460, panelHeight: 380)))
        report.tables.append(LabTable(title: "After \(Self.steps) steps",
                                      columns: ["run", "η", "β", "x₁", "x₂", "f(x)"], rows: rows))
        report.numbers.append(("paths", .object([
            ("function", .string(function.name)),
            ("start", LabFormat.json(function.defaultStart)),
            ("steps", .int(Self.steps)),
            ("runs", .array(runsJSON)),
        ])))
        return report
    }
}
