import Landscapes
import Optimizers
import Plot

/// "Deep learning from scratch" ch. 6 (optimizer_compare_naive.py): SGD, Momentum, AdaGrad and
/// Adam with the book's rates on f(x, y) = x²/20 + y² from (−7, 2), 30 steps each, one panel
/// apiece. The book's AdaGrad divides by √h + 1e-7, hence `eps=1e-07`.
public struct EllipseExperiment: LabExperiment {
    public let name = "ellipse"
    public let title = "Four optimizers on x²/20 + y²"
    public let summary = """
        The elongated bowl x²/20 + y² from (−7, 2), 30 steps: SGD zig-zags across the steep y \
        direction, Momentum rolls like a ball, AdaGrad evens out the two directions and goes \
        almost straight, Adam swings past the minimum and comes back.
        """

    /// The book's four optimizers: its name and our spec.
    public static let cases: [(name: String, optimizer: String)] = [
        ("SGD", "sgd(lr=0.95)"),
        ("Momentum", "momentum(lr=0.1)"),
        ("AdaGrad", "adagrad(lr=1.5, eps=1e-7)"),
        ("Adam", "adam(lr=0.3)"),
    ]
    /// Updates per optimizer, as in the book's loop.
    public static let steps = 30
    /// Contour levels below 7, as the book masks f > 7 before drawing.
    public static let levels: [Double] = [0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 7]

    public init() {}

    /// The book's name with our arguments: `AdaGrad (lr=1.5, eps=1e-07)`.
    static func panelTitle(_ name: String, _ label: String) -> String {
        guard let open = label.firstIndex(of: "(") else { return name }
        return name + " " + label[open...]
    }

    public func run(_ context: LabContext) throws -> LabReport {
        let function = TestFunction.ellipse
        var report = LabReport()
        var panels: [any Chart] = []
        var runs: [JSONValue] = []
        var rows: [[String]] = []
        for (index, item) in Self.cases.enumerated() {
            let run = try LabTrace.run(function, item.optimizer, steps: Self.steps)
            let p = run.finalPoint
            report.lines.append("\(item.name): after \(Self.steps) steps (x, y) = \(LabFormat.point(p)), "
                                + "f = \(LabFormat.fixed(run.finalValue))")
            panels.append(try LandscapePlot.contour(
                function, runs: [run], title: Self.panelTitle(item.name, run.optimizerLabel),
                labels: ["f = \(LabFormat.compact(run.finalValue)) after \(Self.steps) steps"],
                levels: .values(Self.levels), colorOffset: index))
            runs.append(run.pathJSON(leading: [("name", .string(item.name))]))
            rows.append([item.name, run.spec.optimizer.description, LabFormat.fixed(p[0]),
                         LabFormat.fixed(p[1]), LabFormat.compact(run.finalValue)])
        }
        let grid = try PanelGrid(panels: panels, columns: 2, title: "x²/20 + y² from (−7, 2), \(Self.steps) steps")
        report.figures.append(LabFigure(
            name: "ellipse",
            caption: "Each optimizer's path over the contour lines (f ≤ 7) of x²/20 + y²; start ○, end ■, minimum ★.",
            figure: Figure(grid: grid, panelWidth: 520, panelHeight: 340)))
        report.tables.append(LabTable(title: "After \(Self.steps) steps",
                                      columns: ["optimizer", "spec", "x", "y", "f(x, y)"], rows: rows))
        report.numbers += [
            ("function", .string(function.name)), ("start", LabFormat.json(function.defaultStart)),
            ("steps", .int(Self.steps)), ("runs", .array(runs)),
        ]
        return report
    }
}
