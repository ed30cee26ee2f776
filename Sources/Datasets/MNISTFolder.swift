import Foundation

/// A folder holding the four IDX files of an MNIST-style dataset (MNIST, Fashion-MNIST, …):
/// `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte` and
/// `t10k-labels-idx1-ubyte`, each gzip-compressed (`.gz`) or not.
public enum MNISTFolder {
    /// The four files' names without `.gz`: train images, train labels, test images, test labels.
    public static let fileStems = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// The names a file may have: `stem.gz`, `stem`, and the dotted variants some mirrors use
    /// (`train-images.idx3-ubyte`).
    static func candidateNames(for stem: String) -> [String] {
        let dotted = stem.replacingOccurrences(of: "-idx", with: ".idx")
        return [stem + ".gz", stem, dotted + ".gz", dotted]
    }

    /// The path of the file for `stem` in `folder`, or nil when none of its names exists.
    public static func file(_ stem: String, in folder: String) -> String? {
        candidateNames(for: stem).map { (folder as NSString).appendingPathComponent($0) }.first(where: FileChecks.isFile)
    }

    /// Whether `folder` holds all four files.
    public static func isComplete(_ folder: String) -> Bool {
        fileStems.allSatisfy { file($0, in: folder) != nil }
    }

    /// Loads the four files of `folder`: pixels scaled to [0, 1] and flattened, labels checked
    /// against `classCount`. `installHint` is added to the message when files are missing.
    public static func load(folder: String, name: String, classCount: Int = 10,
                            installHint: String = "") throws -> DataSplit {
        guard FileChecks.isFolder(folder) else {
            if FileChecks.isFile(folder) { throw DatasetError.notAFolder(path: folder, hint: installHint) }
            throw DatasetError.folderNotFound(path: folder, hint: installHint)
        }
        let paths = fileStems.map { file($0, in: folder) }
        let missing = zip(fileStems, paths).filter { $0.1 == nil }.map {
            candidateNames(for: $0.0).prefix(2).joined(separator: " or ")
        }
        guard missing.isEmpty else {
            throw DatasetError.missingFiles(folder: folder, missing: missing, hint: installHint)
        }
        let files = paths.map { $0! }
        var results: [Result<Dataset, Error>] = Array(repeating: .failure(DatasetError.emptyTable(file: folder)), count: 2)
        // The two halves are independent: read them on two threads.
        results.withUnsafeMutableBufferPointer { slots in
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                slots[half] = Result {
                    try loadHalf(images: files[2 * half], labels: files[2 * half + 1],
                                 name: "\(name)/\(half == 0 ? "train" : "test")", classCount: classCount)
                }
            }
        }
        let train = try results[0].get(), test = try results[1].get()
        let description = "\(name) from \(folder): \(train.count) training and \(test.count) test images of "
            + "\(train.sampleShape.map(String.init).joined(separator: "×")) pixels scaled to [0, 1], \(classCount) classes"
        return DataSplit(name: name, description: description, train: train, test: test)
    }

    /// One image file and its label file as a classification set.
    static func loadHalf(images imagesPath: String, labels labelsPath: String, name: String,
                         classCount: Int) throws -> Dataset {
        let images = try IDXReader.readImages(at: imagesPath)
        let labels = try IDXReader.readLabels(at: labelsPath, classCount: classCount)
        guard images.count == labels.count else {
            throw DatasetError.countMismatch(imagesFile: imagesPath, images: images.count,
                                             labelsFile: labelsPath, labels: labels.count)
        }
        return try Dataset(name: name, features: images.pixels, featureCount: images.rows * images.columns,
                           sampleShape: [images.rows, images.columns], labels: labels, classCount: classCount)
    }
}
