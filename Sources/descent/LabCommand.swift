import ArgumentParser
import Foundation
import Lab
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
        """)

    @Argument(help: "The experiment: \(LabCatalog.acceptedNames.joined(separator: ", ")).")
    var name: String
    @Option(help: "The folder to write the figures and numbers into.")
    var output: String
    @Flag(help: "Also write a PNG of each figure (needs rsvg-convert).")
    var png = false

    func validate() throws {
        do { _ = try LabCatalog.experiments(named: name) } catch let e as LabError {
            throw ValidationError("<name>: \(e)")
        }
        if output.isEmpty { throw ValidationError("--output: give a folder") }
    }

    func run() throws {
        let context = LabContext(progress: { printError($0) })
        do {
            try LabRunner.run(name, into: URL(fileURLWithPath: output), png: png, context: context) { print($0) }
        } catch let e as LabError {
            throw RunFailure(message: e.description)
        } catch let e as PlotError {
            throw RunFailure(message: e.description)
        }
    }
}
