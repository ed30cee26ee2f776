import ArgumentParser
import Foundation
import Optimizers

/// `descent bench`: Descent's performance figures, measured on this machine (docs/PERFORMANCE.md).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Descent's speed: optimizer steps, MLP training, the airfoil regression, memory bandwidth.",
        subcommands: Bench.subcommands)

    /// The benchmarks, one subcommand each.
    static let subcommands: [ParsableCommand.Type] = [Step.self, BenchMLP.self, BenchAirfoil.self, Copy.self]

    /// How a benchmark prints its records: one JSON object per line, or a line of text each.
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    /// Throws unless `optimizer` is one of `names` or `all`, naming `--optimizer` and the choices.
    static func checkOptimizer(_ optimizer: String, among names: [String]) throws {
        if optimizer != "all" && !names.contains(optimizer) {
            throw ValidationError("--optimizer: unknown optimizer '\(optimizer)' (allowed: \(names.joined(separator: ", ")), all)")
        }
    }

    /// The optimizers an `--optimizer` value selects: every one of `names` for `all`.
    static func selected(_ optimizer: String, among names: [String]) -> [String] {
        optimizer == "all" ? names : [optimizer]
    }

    /// Throws for the first option whose value is below `minimum`, naming it.
    static func check(atLeast minimum: Int, _ options: KeyValuePairs<String, Int>) throws {
        for (name, value) in options where value < minimum {
            throw ValidationError("\(name): \(value) (allowed: an integer ≥ \(minimum))")
        }
    }

    /// An optimizer's name padded to the width of a text record's first column.
    static func label(_ name: String) -> String { name.padding(toLength: 9, withPad: " ", startingAt: 0) }
}

extension Bench {
    /// `descent bench step`: one optimizer step on one large float32 parameter.
    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time one optimizer step on one float32 parameter of N elements (median, after warm-up).",
            discussion: """
            Runs the real Optimizer<Float> driver, first with the default non-finite policy \
            (refuse: gradients checked before the update), then unchecked, and prints both. \
            Optimizers: \
            \(StepBenchmark.names.joined(separator: ", ")), or all.
            """)

        @Option(help: "The optimizer, or 'all' for one record each.")
        var optimizer: String
        @Option(help: "Elements in the parameter.")
        var n: Int = 16_000_000
        @Option(help: "Threads for the update (default: DESCENT_THREADS or the processor count).")
        var threads: Int = ParallelChunks.defaultThreads
        @Option(help: "Timed steps; the median is reported.")
        var repetitions: Int = 20
        @Option(help: "Untimed steps first (the first creates the state).")
        var warmup: Int = 3
        @Option(help: "Output format: json or text.")
        var format: Format = .json

        func validate() throws {
            try Bench.checkOptimizer(optimizer, among: StepBenchmark.names)
            try Bench.check(atLeast: 1, ["--n": n, "--threads": threads, "--repetitions": repetitions])
            try Bench.check(atLeast: 0, ["--warmup": warmup])
        }

        func run() throws {
            for name in Bench.selected(optimizer, among: StepBenchmark.names) {
                let r = try StepBenchmark.measure(optimizer: name, n: n, threads: threads,
                                                  warmup: warmup, repetitions: repetitions)
                switch format {
                case .json: print(r.json.serialized)
                case .text:
                    print("\(Bench.label(name)) n=\(r.n) threads=\(r.threads)  "
                          + "\(milliseconds(r.secondsPerStep)) ms/step  \(giga(r.elementsPerSecond)) G elements/s  "
                          + "(unchecked: \(milliseconds(r.uncheckedSecondsPerStep)) ms, \(giga(r.uncheckedElementsPerSecond)) G/s)"
                          + (r.helperShare.map { String(format: "  helper share %.2f", $0) } ?? ""))
                }
                fflush(stdout)
            }
        }
    }

    /// `descent bench copy`: the memory bandwidth a step's roofline is computed from.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time a copy and an in-place add of N float32 values: the memory roofline of the steps.")

        @Option(help: "Elements copied.")
        var n: Int = 16_000_000
        @Option(help: "Threads (default: DESCENT_THREADS or the processor count).")
        var threads: Int = ParallelChunks.defaultThreads
        @Option(help: "Output format: json or text.")
        var format: Format = .json

        func validate() throws {
            try Bench.check(atLeast: 1, ["--n": n, "--threads": threads])
        }

        func run() throws {
            let r = try CopyBenchmark.measure(n: n, threads: threads)
            switch format {
            case .json: print(r.json.serialized)
            case .text:
                print("copy n=\(r.n) threads=\(r.threads)  \(milliseconds(r.seconds)) ms  \(giga(r.bytesPerSecond)) GB/s  "
                      + "(in-place add: \(milliseconds(r.inPlaceAddSeconds)) ms, \(giga(r.inPlaceAddBytesPerSecond)) GB/s)")
            }
        }
    }
}

private func milliseconds(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1e3) }
private func giga(_ perSecond: Double) -> String { String(format: "%.3f", perSecond / 1e9) }
