/// Every experiment `descent lab` can run, in the order the report page shows them.
///
/// Each experiment is one file: a `LabExperiment` listed here (or a `LabSection` listed in
/// `MomentumExperiment.sections`). `mnist` (five optimizers on a 784-100-100-100-100-10 MLP),
/// `airfoil` (every optimizer on d2l's linear regression) and the airfoil part of `momentum`
/// train models with NN's trainer on the data `LabData` finds.
public enum LabCatalog {
    /// The runnable experiments.
    public static let experiments: [any LabExperiment] = [
        MomentumExperiment(),
        LearningRateExperiment(),
        EllipseExperiment(),
        MNISTExperiment(),
        AirfoilExperiment(),
    ]

    /// The name that runs every experiment and writes the report page.
    public static let allName = "all"

    /// The names accepted on the command line: each experiment's, then `all`.
    public static var acceptedNames: [String] { experiments.map(\.name) + [allName] }

    /// The experiments a command-line name stands for: one, or every one for `all`.
    ///
    /// - Throws: `LabError.unknownExperiment` naming the value and the accepted names.
    public static func experiments(named name: String) throws -> [any LabExperiment] {
        let key = name.lowercased()
        if key == allName { return experiments }
        guard let experiment = experiments.first(where: { $0.name == key }) else {
            throw LabError.unknownExperiment(name: name, available: acceptedNames)
        }
        return [experiment]
    }
}
