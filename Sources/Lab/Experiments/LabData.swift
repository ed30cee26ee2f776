import Datasets
import Foundation

/// Where the training experiments find their data, so that `descent lab all` runs from a fresh
/// clone on what is installed: the airfoil file next to the repository, and MNIST when the user
/// has it, else Fashion-MNIST from the Debian package.
public enum LabData {
    /// The airfoil file looked for when none is given, relative to the current folder.
    public static let defaultAirfoilPath = "../shared/data/" + Airfoil.fileName

    /// d2l's airfoil regression set (`get_data_ch11`: standardised, first 1500 rows) from
    /// `context.airfoilFile`; else `defaultPath` (`defaultAirfoilPath`); else
    /// `airfoil_self_noise.dat` in the user's data folders.
    ///
    /// - Throws: `DatasetError.notFound` listing the places looked in and asking for
    ///   `--airfoil FILE`; the file's own errors (`DatasetError`) when it cannot be read.
    public static func airfoil(_ context: LabContext, defaultPath: String = defaultAirfoilPath,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DataSplit {
        if let given = context.airfoilFile {
            return try Airfoil.load(path: (given as NSString).expandingTildeInPath)
        }
        let candidates = [defaultPath]
            + DatasetCatalog.userDataFolders(for: "airfoil", environment: environment).map { "\($0)/\(Airfoil.fileName)" }
        guard let found = candidates.first(where: isFile) else {
            throw DatasetError.notFound(
                dataset: "airfoil", lookedIn: candidates.map(absolute),
                hint: "Give the UCI airfoil self-noise file (\(Airfoil.fileName)) with --airfoil FILE")
        }
        return try Airfoil.load(path: found)
    }

    /// The images for `mnist`: the IDX folder `context.dataFolder`; else MNIST from the first
    /// complete folder among the user's data folders; else Fashion-MNIST (the Debian package's
    /// folder, then the user's).
    ///
    /// - Throws: `DatasetError.notFound` listing every folder looked in when neither is there;
    ///   the files' own errors (`DatasetError`) when they cannot be read.
    public static func mnist(_ context: LabContext,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DataSplit {
        if let given = context.dataFolder {
            let folder = (given as NSString).expandingTildeInPath
            let name = URL(fileURLWithPath: folder).lastPathComponent
            return try MNISTFolder.load(folder: folder, name: name.isEmpty ? "mnist" : name,
                                        installHint: "--data takes a folder holding the four MNIST-style IDX files")
        }
        var lookedIn: [String] = []
        for name in ["mnist", "fashion-mnist"] {
            let folders = DatasetCatalog.searchFolders(for: name, environment: environment)
            if let folder = folders.first(where: MNISTFolder.isComplete) {
                return try MNISTFolder.load(folder: folder, name: name)
            }
            lookedIn += folders
        }
        throw DatasetError.notFound(
            dataset: "mnist or fashion-mnist", lookedIn: lookedIn,
            hint: "Install Fashion-MNIST with `apt-get install dataset-fashion-mnist`, or give a folder of "
                + "MNIST's four IDX files with --data DIR")
    }

    /// The first `examples` training and test examples of `data` (all of them when nil).
    public static func limited(_ data: DataSplit, to examples: Int?) -> DataSplit {
        guard let examples, examples < max(data.train.count, data.test?.count ?? 0) else { return data }
        return DataSplit(name: data.name, description: data.description + "; only the first \(examples) of each used",
                         train: data.train.prefix(examples), test: data.test?.prefix(examples))
    }

    /// `path` made absolute against the current folder, for messages.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        return ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
