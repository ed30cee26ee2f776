import Foundation

/// Finds a dataset from what a user types: a known name (`fashion-mnist`, `mnist`, `airfoil`),
/// a folder of MNIST-style IDX files, or a CSV/TSV file; `data` optionally says where the named
/// dataset's files are.
public enum DatasetCatalog {
    /// Where `apt-get install dataset-fashion-mnist` puts Fashion-MNIST.
    public static let fashionMNISTSystemFolder = "/usr/share/datasets/fashion-mnist"
    /// The names `load` knows.
    public static let knownNames = ["fashion-mnist", "mnist", "airfoil"]

    /// The user's data folders for a dataset, in the order they are searched:
    /// `$XDG_DATA_HOME/descent/NAME` (when set), `~/.local/share/descent/NAME`, `~/data/NAME`.
    public static func userDataFolders(for name: String, environment: [String: String]) -> [String] {
        let home = environment["HOME"] ?? NSHomeDirectory()
        var folders = [String]()
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { folders.append("\(xdg)/descent/\(name)") }
        folders.append("\(home)/.local/share/descent/\(name)")
        folders.append("\(home)/data/\(name)")
        var seen = Set<String>()
        return folders.filter { seen.insert($0).inserted }
    }

    /// The folders searched for a named IDX dataset when no folder is given.
    public static func searchFolders(for name: String, environment: [String: String]) -> [String] {
        let user = userDataFolders(for: name, environment: environment)
        return name == "fashion-mnist" ? [fashionMNISTSystemFolder] + user : user
    }

    /// What to tell a user who lacks the files of `name`.
    static func installHint(for name: String) -> String {
        let files = MNISTFolder.fileStems.map { $0 + ".gz" }.joined(separator: ", ")
        switch name {
        case "fashion-mnist":
            return "Install Fashion-MNIST with `apt-get install dataset-fashion-mnist` (it goes to "
                + "\(fashionMNISTSystemFolder)), or give a folder holding \(files)"
        case "mnist":
            return "Put MNIST's four files (\(files)) in ~/.local/share/descent/mnist "
                + "(or $XDG_DATA_HOME/descent/mnist, or ~/data/mnist), or name the folder that holds them"
        case "airfoil":
            return "Download \(Airfoil.fileName) from the UCI repository (airfoil self-noise) and give its path"
        default:
            return "Give a folder holding \(files)"
        }
    }

    /// Loads the dataset `dataset` (a name, a folder or a file). For a name, `data` is the
    /// folder (IDX) or file (airfoil) to read instead of searching the usual places.
    public static func load(_ dataset: String, data: String? = nil, csv: CSVOptions = CSVOptions(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DataSplit {
        let given = data.map { ($0 as NSString).expandingTildeInPath }
        switch dataset.lowercased() {
        case "fashion-mnist", "mnist":
            let name = dataset.lowercased()
            let folder = try given ?? locateFolder(name, environment: environment)
            return try MNISTFolder.load(folder: folder, name: name, installHint: installHint(for: name))
        case "airfoil":
            var path = try given ?? locateAirfoil(environment: environment)
            if FileChecks.isFolder(path) { path = (path as NSString).appendingPathComponent(Airfoil.fileName) }
            return try Airfoil.load(path: path)
        default:
            let path = (dataset as NSString).expandingTildeInPath
            if FileChecks.isFolder(path) {
                let name = URL(fileURLWithPath: path).lastPathComponent
                return try MNISTFolder.load(folder: path, name: name, installHint: installHint(for: name))
            }
            if FileChecks.isFile(path) { return try CSVDataset.load(path: path, options: csv) }
            throw DatasetError.unknownDataset(name: dataset)
        }
    }

    /// The first search folder holding all four files; else the first that exists (so that the
    /// error lists what it lacks); else an error listing where it looked.
    static func locateFolder(_ name: String, environment: [String: String]) throws -> String {
        let folders = searchFolders(for: name, environment: environment)
        if let complete = folders.first(where: MNISTFolder.isComplete) { return complete }
        if let existing = folders.first(where: FileChecks.isFolder) { return existing }
        throw DatasetError.notFound(dataset: name, lookedIn: folders, hint: installHint(for: name))
    }

    /// `airfoil_self_noise.dat` in the user's data folders.
    static func locateAirfoil(environment: [String: String]) throws -> String {
        let candidates = userDataFolders(for: "airfoil", environment: environment).map { "\($0)/\(Airfoil.fileName)" }
        if let found = candidates.first(where: FileChecks.isFile) { return found }
        throw DatasetError.notFound(dataset: "airfoil", lookedIn: candidates, hint: installHint(for: "airfoil"))
    }
}
