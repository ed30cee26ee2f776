import ArgumentParser
import Datasets
import Foundation
import Lab
import NN
import Plot

/// `descent lab NAME --output DIR`: the source texts' experiments, each a figure and its numbers.
struct Lab: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run an experiment of the source texts: figures (SVG) and numbers (JSON) in a folder.",
        discussion: """
        Prints what the source text prints (e.g. d2l's "epoch 20, x1: -0.943467, x2: -0.000073") \
        on standard output and writes every figure and a JSON file of the numbers behind it into \
        the output folder (created if needed). 'all' runs every experiment and writes index.html, \
        a page showing them together. Experiments: \(LabCatalog.acceptedNames.joined(separator: ", ")).

        mnist trains on MNIST when its files are in the user's data folder (or --data DIR), else on \
        Fashion-MNIST (\(DatasetCatalog.fashionMNISTSystemFolder)); airfoil and momentum read \
        --airfoil FILE, else \(LabData.defaultAirfoilPath). --iterations N shortens the training runs, \
        --examples N the mnist data.
        """)

    @Argument(help: "The experiment: \(LabCatalog.acceptedNames.joined(separator: ", ")).")
    var name: String
    @Option(help: "The folder to write the figures and numbers into.")
    var output: String
    @Flag(help: "Also write a PNG of each figure (needs rsvg-convert).")
    var png = false
    @Option(help: "A folder of MNIST-style IDX files for mnist (default: MNIST if installed, else Fashion-MNIST).")
    var data: String?
    @Option(help: "The UCI airfoil self-noise file for airfoil and momentum (default: \(LabData.defaultAirfoilPath)).")
    var airfoil: String?
    @Option(help: "At most this many optimizer steps per training run (shortens mnist and airfoil for a quick look).")
    var iterations: Int?
    @Option(help: "Train and test mnist on only the first N training and N test images (a quick look).")
    var examples: Int?

    func validate() throws {
        do { _ = try LabCatalog.experiments(named: name) } catch let e as LabError {
            throw ValidationError("<name>: \(e)")
        }
        if output.isEmpty { throw ValidationError("--output: give a folder") }
        if let n = iterations, n < 1 { throw ValidationError("--iterations must be an integer >= 1, got \(n)") }
        if let n = examples, n < 1 { throw ValidationError("--examples must be an integer >= 1, got \(n)") }
    }

    func run() throws {
        let context = LabContext(progress: { printError($0) }, dataFolder: data, airfoilFile: airfoil,
                                 iterations: iterations, examples: examples)
        do {
            try LabRunner.run(name, into: URL(fileURLWithPath: output), png: png, context: context) { print($0) }
        } catch let e as LabError {
            throw RunFailure(message: e.description)
        } catch let e as PlotError {
            throw RunFailure(message: e.description)
        } catch let e as DatasetError {
            throw RunFailure(message: e.description)
        } catch let e as TrainingError {
            throw RunFailure(message: e.description)
        }
    }
}
