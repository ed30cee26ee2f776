import Foundation

/// One experiment's run: the experiment, what it produced and the files written for it.
public struct LabOutcome: Sendable {
    public var experiment: any LabExperiment
    public var report: LabReport
    /// File names (inside the output folder) written for this experiment.
    public var files: [String]
}

/// `descent lab NAME --output DIR`: runs the experiment (or all of them), hands each one's
/// printed lines to `output` as soon as it finishes, writes its figures and numbers, and for
/// `all` writes `index.html`, the page that shows them together.
public enum LabRunner {
    /// The report page's file name.
    public static let indexName = "index.html"

    /// - Throws: `LabError` for an unknown name or unusable folder, `PlotError` when a file
    ///   cannot be written or converted.
    @discardableResult
    public static func run(_ name: String, into folder: URL, png: Bool = false,
                           context: LabContext = .quiet,
                           output: (String) -> Void = { _ in }) throws -> [LabOutcome] {
        let experiments = try LabCatalog.experiments(named: name)
        let writer = try LabWriter(folder: folder, png: png)
        var outcomes: [LabOutcome] = []
        for experiment in experiments {
            context.progress("running \(experiment.name)")
            let report = try experiment.run(context)
            report.lines.forEach(output)
            let files = try writer.write(report, of: experiment)
            context.progress("wrote " + files.map { folder.appendingPathComponent($0).path }.joined(separator: ", "))
            outcomes.append(LabOutcome(experiment: experiment, report: report, files: files))
        }
        if name.lowercased() == LabCatalog.allName {
            try writer.writeText(LabIndexPage(outcomes: outcomes).html, named: indexName)
            context.progress("wrote " + folder.appendingPathComponent(indexName).path)
        }
        return outcomes
    }
}
