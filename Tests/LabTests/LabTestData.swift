import Datasets
import Foundation
@testable import Lab

/// The data the training experiments' tests use: the airfoil file kept with the NN tests'
/// fixtures, and a small MNIST-style folder written once per test process, so that the tests
/// neither depend on where they are run from nor on what is installed.
enum LabTestData {
    /// `Tests/NNTests/Fixtures/airfoil_self_noise.dat` of this repository.
    static let airfoilFile: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NNTests/Fixtures/airfoil_self_noise.dat").path

    /// Images in the synthetic folder's training and test files.
    static let trainCount = 600, testCount = 200

    /// A folder `tiny-mnist` of the four IDX files (uncompressed) of 28×28 images: image i has
    /// label (7i mod 10), a bright band on rows 2·label+4 and 2·label+5, and speckle elsewhere,
    /// so a network can learn it in a few steps. Written afresh by each test process into the
    /// same temporary place.
    static let mnistFolder: Result<String, Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-lab-tests/tiny-mnist")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (stem, count, offset) in [("train", trainCount, 0), ("t10k", testCount, trainCount)] {
            let labels = (0..<count).map { UInt8((7 * ($0 + offset)) % 10) }
            var pixels = [UInt8](repeating: 0, count: count * 784)
            var state: UInt32 = 12345
            for (i, label) in labels.enumerated() {
                for p in 0..<784 {
                    state = state &* 1_103_515_245 &+ 12345
                    let row = p / 28, band = 2 * Int(label) + 4
                    pixels[i * 784 + p] = row == band || row == band + 1 ? 200 + UInt8(state >> 27) : UInt8(state >> 26)
                }
            }
            try IDXWriter.writeImages(pixels, count: count, rows: 28, columns: 28,
                                      to: folder.appendingPathComponent("\(stem)-images-idx3-ubyte").path, compressed: false)
            try IDXWriter.writeLabels(labels, to: folder.appendingPathComponent("\(stem)-labels-idx1-ubyte").path,
                                      compressed: false)
        }
        return folder.path
    }

    /// A quiet context with the fixture's airfoil file, the synthetic images and `iterations`.
    static func context(iterations: Int? = nil) throws -> LabContext {
        LabContext(dataFolder: try mnistFolder.get(), airfoilFile: airfoilFile, iterations: iterations)
    }
}
