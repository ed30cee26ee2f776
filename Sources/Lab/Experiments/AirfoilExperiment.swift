import Datasets
import Optimizers
import Plot

/// Every optimizer on d2l's airfoil regression (`train_ch7` / `train_ch11`: linear model,
/// batches of 10, 2 epochs, the loss over all 1500 examples every 100 examples), from the same
/// weights on the same batches. d2l's learning rates where the book has them (SGD 0.05 from
/// minibatch SGD, momentum 0.5 at 0.02, Adagrad 0.1, RMSProp 0.01 with γ = 0.9, Adadelta ρ = 0.9,
/// Adam 0.01); the Adam relatives at Adam's 0.01, Nesterov as momentum, Lion at a fifth of
/// Adam's rate (its sign update moves every weight by the full rate each step; its authors
/// advise a rate 3–10 times smaller than AdamW's).
public struct AirfoilExperiment: LabExperiment {
    public let name = "airfoil"
    public let title = "Every optimizer on d2l's airfoil regression"
    public let summary = """
        Linear regression on the standardised airfoil self-noise data, batches of 10 for 2 epochs, \
        the loss over the whole set every 100 examples (the loss axis from 0.22 to 0.35 as d2l \
        draws it), every optimizer from the same start on the same batches. Most end near 0.24; \
        Adamax and Lion settle later than Adam, and Adadelta and RAdam (whose rectification keeps \
        its first steps small) are still falling after two epochs.
        """

    /// The optimizers in panels of three: a panel title and its spec strings.
    public static let groups: [(title: String, optimizers: [String])] = [
        ("SGD, momentum, Nesterov", ["sgd(lr=0.05)", "momentum(lr=0.02, momentum=0.5)", "nesterov(lr=0.02, momentum=0.5)"]),
        ("Per-coordinate rates", ["adagrad(lr=0.1)", "rmsprop(lr=0.01, alpha=0.9)", "adadelta(rho=0.9)"]),
        ("Adam and its variants", ["adam(lr=0.01)", "adamw(lr=0.01)", "adamax(lr=0.01)"]),
        ("Newer relatives of Adam", ["nadam(lr=0.01)", "radam(lr=0.01)", "lion(lr=0.002)"]),
    ]

    public init() {}

    public func run(_ context: LabContext) throws -> LabReport {
        let data = try LabData.airfoil(context)
        var report = LabReport()
        var panels: [any Chart] = []
        var groupRuns: [[AirfoilTraining.Run]] = []
        for group in Self.groups {
            var runs: [AirfoilTraining.Run] = []
            for spec in group.optimizers {
                let optimizer = try OptimizerConfig(parsing: spec)
                context.progress("airfoil: training \(optimizer.displayLabel)")
                let run = try AirfoilTraining.run(optimizer, on: data.train, maxSteps: context.iterations)
                report.lines.append(run.label + ": " + run.bookLine)
                runs.append(run)
            }
            groupRuns.append(runs)
        }
        let all = groupRuns.flatMap { $0 }
        let domain = AirfoilTraining.lossDomain(all)
        for (group, runs) in zip(Self.groups, groupRuns) {
            panels.append(try AirfoilTraining.chart(runs, title: group.title, yDomain: domain,
                                                    legend: .outsideBottom))
        }
        let grid = try PanelGrid(panels: panels, columns: 2,
                                 title: "Airfoil linear regression, batch \(AirfoilTraining.batchSize), loss over all \(data.train.count) examples")
        report.figures.append(LabFigure(
            name: "airfoil",
            caption: "The loss over the whole set every 100 examples for each optimizer (same start, same batches); "
                + "the legend gives the final loss.",
            figure: Figure(grid: grid, panelWidth: 500, panelHeight: 380)))
        report.tables.append(LabTable(
            title: "After \(AirfoilTraining.epochs) epochs (batch \(AirfoilTraining.batchSize))",
            columns: ["optimizer", "final loss", "sec/epoch"],
            rows: all.map { [$0.label, LabFormat.fixed($0.finalLoss, decimals: 4) + ($0.divergedAt.map { " (diverged at step \($0))" } ?? ""),
                             LabFormat.fixed($0.secondsPerEpoch, decimals: 4)] }))
        report.numbers += [
            ("dataset", .string(data.description)), ("model", .string(AirfoilTraining.model)),
            ("batch_size", .int(AirfoilTraining.batchSize)), ("epochs", .int(AirfoilTraining.epochs)),
            ("examples_per_point", .int(AirfoilTraining.examplesPerPoint)), ("seed", .int(Int(AirfoilTraining.seed))),
            ("runs", .array(zip(Self.groups, groupRuns).flatMap { group, runs in
                runs.map { AirfoilTraining.json($0, leading: [("group", .string(group.title))]) }
            })),
        ]
        return report
    }
}
