import Foundation

/// Small data files for the command-line tests of `train`, `compare` and `lab`, written into a
/// test's temporary folder, and the airfoil file kept with the NN tests' fixtures.
enum TrainingFixtures {
    /// `Tests/NNTests/Fixtures/airfoil_self_noise.dat` of this repository.
    static let airfoilFile: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NNTests/Fixtures/airfoil_self_noise.dat").path

    /// A regression CSV with a header: 40 rows of x1, x2 and y = 2·x1 − x2 + 0.5 plus a little
    /// deterministic noise.
    static func regressionCSV(in folder: URL) throws -> URL {
        var text = "x1,x2,y\n"
        for i in 0..<40 {
            let x1 = Double(i % 8) / 4 - 1, x2 = Double((i * 3) % 7) / 3 - 1
            let noise = Double((i * 37) % 11 - 5) / 100
            text += "\(x1),\(x2),\(2 * x1 - x2 + 0.5 + noise)\n"
        }
        let url = folder.appendingPathComponent("tiny.csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The regression CSV with line 4 (the third data row) spoiled.
    static func corruptCSV(in folder: URL) throws -> URL {
        let good = try String(contentsOf: try regressionCSV(in: folder), encoding: .utf8)
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[3] = "0.25,abc,1.0"
        let url = folder.appendingPathComponent("corrupt.csv")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    /// A folder of the four MNIST IDX files (uncompressed): `count` 28×28 training and test
    /// images, image i of class (7i mod 10) with a bright band on rows 2·class+4 and +5.
    static func mnistFolder(in folder: URL, count: Int = 300) throws -> URL {
        let idx = folder.appendingPathComponent("tiny-mnist")
        try FileManager.default.createDirectory(at: idx, withIntermediateDirectories: true)
        for stem in ["train", "t10k"] {
            let labels = (0..<count).map { UInt8((7 * $0) % 10) }
            var pixels: [UInt8] = []
            pixels.reserveCapacity(count * 784)
            for label in labels {
                for p in 0..<784 { pixels.append(p / 28 == 2 * Int(label) + 4 || p / 28 == 2 * Int(label) + 5 ? 230 : UInt8(p % 7 * 5)) }
            }
            try write(magic: 0x0803, dimensions: [count, 28, 28], bytes: pixels,
                      to: idx.appendingPathComponent("\(stem)-images-idx3-ubyte"))
            try write(magic: 0x0801, dimensions: [count], bytes: labels, to: idx.appendingPathComponent("\(stem)-labels-idx1-ubyte"))
        }
        return idx
    }

    /// An IDX file: the magic number and each dimension as big-endian 32-bit integers, then the bytes.
    private static func write(magic: UInt32, dimensions: [Int], bytes: [UInt8], to url: URL) throws {
        var data = Data()
        for word in [magic] + dimensions.map(UInt32.init) { withUnsafeBytes(of: word.bigEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: bytes)
        try data.write(to: url)
    }

    /// Whether Fashion-MNIST (or MNIST in ~/.local/share/descent/mnist) is installed.
    static var imagesInstalled: Bool {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        return ["/usr/share/datasets/fashion-mnist", home + "/.local/share/descent/mnist"].contains { folder in
            ["train-images-idx3-ubyte.gz", "train-images-idx3-ubyte"].contains {
                FileManager.default.fileExists(atPath: folder + "/" + $0)
            }
        }
    }
}
