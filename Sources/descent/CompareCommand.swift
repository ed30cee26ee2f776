import ArgumentParser
import Foundation
import NN
import Optimizers
import Plot

/// `descent compare`: `train` for several optimizers from the same initial weights on the same
/// batches; the per-step losses as CSV, their curves as SVG, and a summary table.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train with several optimizers from the same weights on the same batches and compare their losses.",
        discussion: """
        Writes to --output DIR: losses.csv (the batch loss of every step, one column per optimizer), \
        losses.svg (raw curves light, smoothed curves solid, log loss axis when every loss is positive) \
        and summary.json; prints the summary table (or the JSON with --format json). A run that \
        diverges ends its curve there and is marked in the table; the others go on.
        """)

    @OptionGroup var training: TrainingOptions
    @Option(name: .customLong("optimizer"), help: "An optimizer spec; give it once per optimizer to compare.")
    var optimizers: [String] = []
    @Option(help: "The folder for losses.csv, losses.svg and summary.json (created if needed).")
    var output: String
    @Option(help: "What to print: text (a table) or json.")
    var format: Train.SummaryFormat = .text

    func validate() throws {
        try training.check()
        guard !optimizers.isEmpty else { throw ValidationError("give at least one --optimizer SPEC") }
        _ = try parsedOptimizers()
    }

    func parsedOptimizers() throws -> [OptimizerConfig] {
        try optimizers.map { spec in
            do { return try OptimizerConfig(parsing: spec) } catch { throw ValidationError("--optimizer '\(spec)': \(error)") }
        }
    }

    func run() throws {
        let configs = try parsedOptimizers()
        let base = try training.configuration(optimizer: configs[0])
        let data = try training.loadData()
        let folder = URL(fileURLWithPath: output)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw RunFailure(message: "cannot create --output folder \(output): \(error.localizedDescription)")
        }
        let comparison = try Train.reportingFailures {
            try Comparison.run(base: base, optimizers: configs, data: data,
                               options: .init(progress: .automatic, threads: training.threads))
        }
        for entry in comparison.entries {
            if let divergence = entry.divergence { printError("warning: \(divergence)") }
        }
        try writeAtomically(comparison.csv, to: folder.appendingPathComponent("losses.csv").path)
        try writeAtomically(comparison.json.serialized + "\n", to: folder.appendingPathComponent("summary.json").path)
        do { try Figure(Compare.chart(comparison)).write(to: folder.appendingPathComponent("losses.svg")) } catch {
            throw RunFailure(message: "\(error)")
        }
        switch format {
        case .text: print(comparison.table, terminator: "")
        case .json: print(comparison.json.serialized)
        }
    }

    /// Each optimizer's batch losses against the step, raw and smoothed. The loss axis is
    /// logarithmic when every loss shown is positive (losses shrink by orders of magnitude);
    /// when some runs diverged it spans the runs that finished, so that theirs leave the top.
    static func chart(_ comparison: Comparison) throws -> LineChart {
        let finished = comparison.entries.filter { $0.divergence == nil }.flatMap(\.losses)
        let shown = (finished.isEmpty ? comparison.entries.flatMap(\.losses) : finished).filter(\.isFinite)
        let logScale = !shown.isEmpty && shown.allSatisfy { $0 > 0 }
        var domain: ClosedRange<Double>?
        if !finished.isEmpty, finished.count != comparison.entries.flatMap(\.losses).count,
           let low = shown.min(), let high = shown.max(), low < high {
            domain = Double(low)...Double(high)
        }
        var chart = LineChart(title: "\(comparison.dataset), \(comparison.base.model): training loss per step",
                              x: Axis("step"), y: Axis("batch loss", scale: logScale ? .log10 : .linear, domain: domain))
        for (i, entry) in comparison.entries.enumerated() {
            let finite = entry.losses.enumerated().filter { $0.element.isFinite }
            try chart.addSmoothed(label: entry.label, x: finite.map { Double($0.offset + 1) },
                                  y: finite.map { Double($0.element) }, colorIndex: i)
        }
        return chart
    }
}
