import Foundation
import Testing
import Datasets

@Suite("MNIST-style folders")
struct MNISTFolderTests {
    /// Writes the four files of a tiny MNIST-style set (5 training, 2 test images of 3×2 pixels).
    static func writeFixture(in folder: TemporaryFolder, compressed: Bool = true, dotted: Bool = false,
                             testLabels: [UInt8] = [7, 1]) throws {
        func name(_ stem: String) -> String {
            let base = dotted ? stem.replacingOccurrences(of: "-idx", with: ".idx") : stem
            return folder.file(base + (compressed ? ".gz" : ""))
        }
        try IDXWriter.writeImages(fixturePixels(count: 5, rows: 3, columns: 2), count: 5, rows: 3, columns: 2,
                                  to: name("train-images-idx3-ubyte"), compressed: compressed)
        try IDXWriter.writeLabels([0, 1, 2, 3, 9], to: name("train-labels-idx1-ubyte"), compressed: compressed)
        try IDXWriter.writeImages(fixturePixels(count: 2, rows: 3, columns: 2), count: 2, rows: 3, columns: 2,
                                  to: name("t10k-images-idx3-ubyte"), compressed: compressed)
        try IDXWriter.writeLabels(testLabels, to: name("t10k-labels-idx1-ubyte"), compressed: compressed)
    }

    @Test("a folder of the four files, under each accepted naming",
          arguments: [(true, false), (false, false), (true, true), (false, true)])
    func loadsFolder(compressed: Bool, dotted: Bool) throws {
        let folder = try TemporaryFolder()
        try Self.writeFixture(in: folder, compressed: compressed, dotted: dotted)
        let split = try MNISTFolder.load(folder: folder.path, name: "tiny")
        #expect(split.train.count == 5 && split.test?.count == 2)
        #expect(split.train.featureCount == 6 && split.train.sampleShape == [3, 2])
        #expect(split.train.labels == [0, 1, 2, 3, 9] && split.test?.labels == [7, 1])
        #expect(split.task == .classification(classCount: 10))
        #expect(split.train.features == fixturePixels(count: 5, rows: 3, columns: 2).map { Float($0) / 255 })
        #expect(split.train.name == "tiny/train" && split.test?.name == "tiny/test")
    }

    @Test("a missing folder says how to install the data")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        let absent = folder.file("absent")
        let message = datasetErrorMessage {
            try DatasetCatalog.load("fashion-mnist", data: absent)
        }
        #expect(message.hasPrefix("\(absent): no such folder."))
        #expect(message.contains("apt-get install dataset-fashion-mnist"))
        let file = try folder.write("not a folder", to: "file.txt")
        #expect(datasetErrorMessage { try DatasetCatalog.load("mnist", data: file) }
                .hasPrefix("\(file): is a file, expected a folder. Put MNIST's four files"))
    }

    @Test("missing files are listed by name")
    func missingFiles() throws {
        let folder = try TemporaryFolder()
        try Self.writeFixture(in: folder)
        try FileManager.default.removeItem(atPath: folder.file("t10k-labels-idx1-ubyte.gz"))
        let message = datasetErrorMessage { try DatasetCatalog.load("fashion-mnist", data: folder.path) }
        #expect(message.hasPrefix("\(folder.path): missing t10k-labels-idx1-ubyte.gz or t10k-labels-idx1-ubyte."))
        #expect(message.contains("apt-get install dataset-fashion-mnist"))
    }

    @Test("image and label counts must agree")
    func countMismatch() throws {
        let folder = try TemporaryFolder()
        try Self.writeFixture(in: folder, testLabels: [1, 2, 3])
        let message = datasetErrorMessage { try MNISTFolder.load(folder: folder.path, name: "tiny") }
        #expect(message == "\(folder.file("t10k-images-idx3-ubyte.gz")) holds 2 images but "
                + "\(folder.file("t10k-labels-idx1-ubyte.gz")) holds 3 labels; they must match")
    }

    @Test("mnist is found in the user's data folder")
    func userDataFolder() throws {
        let home = try TemporaryFolder()
        let mnist = home.file(".local/share/descent/mnist")
        try FileManager.default.createDirectory(atPath: mnist, withIntermediateDirectories: true)
        let inner = try TemporaryFolder()
        try Self.writeFixture(in: inner)
        for name in try FileManager.default.contentsOfDirectory(atPath: inner.path) {
            try FileManager.default.copyItem(atPath: inner.file(name), toPath: mnist + "/" + name)
        }
        let split = try DatasetCatalog.load("mnist", environment: ["HOME": home.path])
        #expect(split.name == "mnist" && split.train.count == 5)
    }

    @Test("without a data folder, mnist lists where it looked")
    func mnistNotFound() throws {
        let home = try TemporaryFolder()
        let message = datasetErrorMessage {
            try DatasetCatalog.load("mnist", environment: ["HOME": home.path, "XDG_DATA_HOME": home.file("xdg")])
        }
        #expect(message.hasPrefix("mnist: not found; looked in \(home.file("xdg"))/descent/mnist, "
                                  + "\(home.path)/.local/share/descent/mnist, \(home.path)/data/mnist."))
    }

    @Test("a path to a folder of IDX files loads it under the folder's name")
    func folderPath() throws {
        let folder = try TemporaryFolder()
        try Self.writeFixture(in: folder, compressed: false)
        let split = try DatasetCatalog.load(folder.path)
        #expect(split.name == URL(fileURLWithPath: folder.path).lastPathComponent)
        #expect(split.test?.count == 2)
    }

    @Test("an unknown name that is no path either")
    func unknownDataset() {
        let message = datasetErrorMessage { try DatasetCatalog.load("cifar-1000") }
        #expect(message.hasPrefix("unknown dataset 'cifar-1000': expected fashion-mnist, mnist, airfoil"))
    }

    static let fashionMNISTInstalled = MNISTFolder.isComplete(DatasetCatalog.fashionMNISTSystemFolder)

    @Test("the installed Fashion-MNIST", .enabled(if: fashionMNISTInstalled, "dataset-fashion-mnist is not installed"))
    func realFashionMNIST() throws {
        let split = try DatasetCatalog.load("fashion-mnist", environment: [:])
        let test = try #require(split.test)
        #expect(split.train.count == 60000 && test.count == 10000)
        #expect(split.train.featureCount == 784 && split.train.features.count == 60000 * 784)
        #expect(split.train.labels!.allSatisfy { (0..<10).contains($0) })
        #expect(test.labels!.allSatisfy { (0..<10).contains($0) })
        let firstHundred = split.train.features[0..<(100 * 784)]  // the whole set is slow to scan in debug builds
        #expect(firstHundred.min() == 0 && firstHundred.max() == 1)
        // Fashion-MNIST is balanced: 6000 training and 1000 test images per class.
        var perClass = [Int](repeating: 0, count: 10)
        for label in test.labels! { perClass[Int(label)] += 1 }
        #expect(perClass == [Int](repeating: 1000, count: 10))
    }
}
