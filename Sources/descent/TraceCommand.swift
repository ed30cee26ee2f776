import ArgumentParser
import Foundation
import Landscapes
import Optimizers

/// `descent trace`: one optimizer on one test function, every point, value and lr, in float64.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run optimizers on a 2-D test function and print every step (JSON or CSV).",
        discussion: """
        Either --spec FILE (a trace spec or an array of them; - reads standard input) or
        --function F --optimizer SPEC --steps N. A run that leaves the finite numbers stops there,
        says so on standard error and in the JSON ("diverged": step, coordinate).
        Functions: \(TestFunction.all.map(\.name).joined(separator: ", ")).
        """)

    @Option(help: "A JSON trace spec file, or - for standard input.")
    var spec: String?
    @Option(help: "The test function.")
    var function: String?
    @Option(help: "An optimizer spec such as 'sgd(lr=0.1, momentum=0.9)'.")
    var optimizer: String?
    @Option(help: "Number of optimizer steps.")
    var steps: Int?
    @Option(help: "Start point, comma-separated (default: the function's).")
    var start: String?
    @Option(help: "A schedule such as 'cosine(T_max=60, eta_min=0.001)'.")
    var schedule: String?
    @Option(help: "Output format: json or csv.")
    var format: OutputFormat = .json
    @Flag(help: "Run in float32 instead of float64.")
    var float32 = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, csv }

    func validate() throws {
        if spec != nil {
            if function != nil || optimizer != nil || steps != nil || start != nil || schedule != nil {
                throw ValidationError("--spec cannot be combined with --function/--optimizer/--steps/--start/--schedule")
            }
        } else if function == nil || optimizer == nil || steps == nil {
            throw ValidationError("give --spec FILE, or all of --function, --optimizer and --steps")
        }
    }

    func run() throws {
        let (specs, isArray) = try loadSpecs()
        var results: [TraceResult] = []
        for s in specs {
            let r = float32 ? try runTrace(s, as: Float.self) : try runTrace(s)
            if let d = r.divergence {
                printError("warning: \(s.optimizer) on \(s.function.name) \(d.message)")
            }
            results.append(r)
        }
        switch format {
        case .json:
            let json = isArray ? JSONValue.array(results.map(\.json)) : results[0].json
            print(json.serialized)
        case .csv:
            for (i, r) in results.enumerated() {
                if results.count > 1 { print("# \(i): \(r.spec.optimizer) on \(r.spec.function.name)") }
                print(r.csv, terminator: "")
            }
        }
    }

    private func loadSpecs() throws -> ([TraceSpec], Bool) {
        do {
            if let path = spec {
                let text: String
                if path == "-" {
                    text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                } else {
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw ValidationError("--spec: cannot read file \(path)")
                    }
                    text = String(decoding: data, as: UTF8.self)
                }
                do { return try TraceSpec.parseMany(text) } catch let e as TraceError {
                    throw ValidationError("--spec \(path): \(e)")
                }
            }
            let fn = try TestFunction.named(function!)
            let config = try OptimizerConfig(parsing: optimizer!)
            let sched = try schedule.map { try ScheduleConfig(parsing: $0) }
            var point: [Double]?
            if let start {
                let parts = start.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.allSatisfy({ $0 != nil }) else {
                    throw ValidationError("--start: '\(start)' is not a comma-separated list of numbers")
                }
                point = parts.map { $0! }
            }
            return ([try TraceSpec(function: fn, start: point, optimizer: config, schedule: sched, steps: steps!)], false)
        } catch let e as OptimizerError {
            throw ValidationError("--optimizer/--schedule: \(e)")
        } catch let e as TraceError {
            throw ValidationError("--\(e.field ?? "spec"): \(e)")
        }
    }
}
