/// One experiment of the source texts, runnable as `descent lab NAME`: it computes its numbers,
/// builds its figures and says what the source text prints. Writing files is not its business
/// (`LabWriter` does that), so an experiment can be tested in memory.
///
/// Adding an experiment is one new file with a type conforming to this protocol, plus its
/// entry in `LabCatalog.experiments`.
public protocol LabExperiment: Sendable {
    /// The command-line name, e.g. `momentum`; also the stem of its JSON file.
    var name: String { get }
    /// A heading for the report page, e.g. "Momentum (d2l §7.4)".
    var title: String { get }
    /// One or two sentences for the report page: what the figures show and what to look for.
    var summary: String { get }
    /// Runs the experiment.
    func run(_ context: LabContext) throws -> LabReport
}

/// A self-contained part of a larger experiment (d2l's momentum section has three: the paths on
/// the ill-conditioned quadratic, the averaging weights, the airfoil regression). An experiment
/// made of sections runs them in order and merges their reports.
public protocol LabSection: Sendable {
    func run(_ context: LabContext) throws -> LabReport
}

extension Array where Element == any LabSection {
    /// Runs every section in order; one report with their lines, figures, tables and numbers.
    public func runAll(_ context: LabContext) throws -> LabReport {
        var report = LabReport()
        for section in self { report.append(try section.run(context)) }
        return report
    }
}
