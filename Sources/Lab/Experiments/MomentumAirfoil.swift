import Optimizers
import Plot

/// d2l §7.4's airfoil runs: linear regression trained by `train_ch7` (batches of 10, 2 epochs,
/// loss over the whole set every 100 examples) with momentum β = 0.5 at η = 0.02, β = 0.9 at
/// η = 0.02 and β = 0.9 at η = 0.004, printed as d2l prints them: `loss: 0.245, 0.012 sec/epoch`.
///
/// Momentum β multiplies the effective step by about 1/(1 − β): β = 0.9 at η = 0.02 takes steps
/// five times larger than β = 0.5 and ends noisier; d2l lowers η to 0.004 to compensate.
public struct MomentumAirfoil: LabSection {
    /// One run: a title and its optimizer spec.
    public struct Case: Sendable {
        public var title: String
        public var optimizer: String
    }

    /// d2l's three runs.
    public static let cases: [Case] = [
        Case(title: "momentum β = 0.5, η = 0.02", optimizer: "sgd(lr=0.02, momentum=0.5)"),
        Case(title: "momentum β = 0.9, η = 0.02", optimizer: "sgd(lr=0.02, momentum=0.9)"),
        Case(title: "momentum β = 0.9, η = 0.004", optimizer: "sgd(lr=0.004, momentum=0.9)"),
    ]

    public init() {}

    public func run(_ context: LabContext) throws -> LabReport {
        let data = try LabData.airfoil(context)
        var report = LabReport()
        var runs: [AirfoilTraining.Run] = []
        for item in Self.cases {
            context.progress("momentum: airfoil regression, \(item.title)")
            let run = try AirfoilTraining.run(try OptimizerConfig(parsing: item.optimizer), on: data.train,
                                              maxSteps: context.iterations)
            report.lines += [item.title + ", airfoil regression:", run.bookLine]
            runs.append(run)
        }
        var chart = try AirfoilTraining.chart(runs, title: "Airfoil linear regression with momentum (d2l §7.4)")
        for (index, item) in Self.cases.enumerated() {
            chart.series[index].label = item.title + ": loss " + LabFormat.fixed(runs[index].finalLoss, decimals: 3)
        }
        report.figures.append(LabFigure(
            name: "momentum-airfoil",
            caption: "The loss over all airfoil examples every 100 examples: β = 0.9 at η = 0.02 takes steps about "
                + "five times larger than β = 0.5 and ends noisier; η = 0.004 brings it back.",
            figure: Figure(chart, width: 640, height: 420)))
        report.tables.append(LabTable(
            title: "Airfoil regression after \(AirfoilTraining.epochs) epochs",
            columns: ["run", "η", "β", "final loss", "sec/epoch"],
            rows: zip(Self.cases, runs).map { item, run in
                let h = run.optimizer.hyperparameters
                return [item.title, LabFormat.compact(h.learningRate), LabFormat.compact(h.momentum),
                        LabFormat.fixed(run.finalLoss, decimals: 4), LabFormat.fixed(run.secondsPerEpoch, decimals: 4)]
            }))
        report.numbers.append(("airfoil", .object([
            ("dataset", .string(data.description)), ("model", .string(AirfoilTraining.model)),
            ("batch_size", .int(AirfoilTraining.batchSize)), ("epochs", .int(AirfoilTraining.epochs)),
            ("runs", .array(zip(Self.cases, runs).map { AirfoilTraining.json($1, leading: [("title", .string($0.title))]) })),
        ])))
        return report
    }
}
