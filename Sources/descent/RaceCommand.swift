import ArgumentParser
import Foundation
import Lab
import Landscapes
import Optimizers
import Plot

/// `descent race`: several optimizers on one test function, drawn in one figure.
struct Race: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Race optimizers on a test function: one SVG figure, a JSON summary on standard output.",
        discussion: """
        Draws the contour lines of the function over its window (log-spaced levels where values \
        span decades), one path per optimizer with its final value in the legend, the start and \
        the known minima. A 1-D function (bowl-1d) gets one panel per optimizer with the steps \
        drawn on the curve. Functions: \(TestFunction.all.map(\.name).joined(separator: ", ")).
        """)

    @Option(help: "The test function.")
    var function: String
    @Option(help: "An optimizer spec such as 'adam(lr=0.3)'; repeat for each racer.")
    var optimizer: [String] = []
    @Option(help: "Number of optimizer steps.")
    var steps: Int
    @Option(help: "Start point, comma-separated (default: the function's).")
    var start: String?
    @Option(help: "A schedule such as 'cosine(T_max=60, eta_min=0.001)', the same for every optimizer.")
    var schedule: String?
    @Option(help: "The SVG file to write.")
    var output: String
    @Flag(help: "Also write a PNG next to the SVG (needs rsvg-convert).")
    var png = false

    func validate() throws {
        if optimizer.isEmpty { throw ValidationError("give at least one --optimizer SPEC") }
        if !output.lowercased().hasSuffix(".svg") {
            throw ValidationError("--output: '\(output)' must be an .svg file name")
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            throw ValidationError("--output: the folder \(folder) does not exist")
        }
    }

    func run() throws {
        let race = try makeRace()
        for run in race.runs {
            if let d = run.divergence { printError("warning: \(run.optimizerLabel) on \(function) \(d.message)") }
        }
        let svgURL = URL(fileURLWithPath: output)
        do {
            try race.figure().write(to: svgURL)
            if png {
                try Figure.writePNG(svgURL: svgURL, pngURL: svgURL.deletingPathExtension().appendingPathExtension("png"))
            }
        } catch let e as PlotError {
            throw RunFailure(message: e.description)
        }
        guard case let .object(members) = race.summary else { return }
        print(JSONValue.object(members + [("figure", .string(output))]).serialized)
    }

    /// Parses the arguments into a race; every problem is a validation error naming its option.
    private func makeRace() throws -> OptimizerRace {
        let fn: TestFunction
        do { fn = try TestFunction.named(function) } catch let e as TraceError {
            throw ValidationError("--function: \(e)")
        }
        var configs: [OptimizerConfig] = []
        for spec in optimizer {
            do { configs.append(try OptimizerConfig(parsing: spec)) } catch let e as OptimizerError {
                throw ValidationError("--optimizer '\(spec)': \(e)")
            }
        }
        let sched: ScheduleConfig?
        do { sched = try schedule.map { try ScheduleConfig(parsing: $0) } } catch let e as OptimizerError {
            throw ValidationError("--schedule: \(e)")
        }
        let point = try start.map(parsePoint)
        do {
            return try OptimizerRace(function: fn, start: point, optimizers: configs, schedule: sched, steps: steps)
        } catch let e as TraceError {
            throw ValidationError("--\(e.field ?? "function"): \(e)")
        } catch let e as OptimizerError {
            throw ValidationError("--schedule: \(e)")
        }
    }

    private func parsePoint(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--start: '\(text)' is not a comma-separated list of numbers")
        }
        return parts.map { $0! }
    }
}
