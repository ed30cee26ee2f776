import Parallelism

/// `descent bench step`: the time of one optimizer step on one float32 parameter of `n` elements,
/// through the real `Optimizer<Float>` driver (threads, non-finite check, fused kernels), as
/// ../shared/anchors/torch_step.py times `torch.optim` on the same workload.
///
/// A step reads p, g and every state slot and writes p and every state slot, so it moves
/// `4 * (3 + 2 * slots)` bytes per element (Adam: 28); the default non-finite check reads g once
/// more (+4). Against the machine's copy bandwidth this gives the memory roofline of each step.
public enum StepBenchmark {
    /// The benchmarked optimizers and their settings: torch_step.py's for those torch has.
    public static let optimizers: [(name: String, spec: String)] = [
        ("sgd", "sgd(lr=0.01)"), ("momentum", "momentum(lr=0.01)"), ("adagrad", "adagrad(lr=0.01)"),
        ("rmsprop", "rmsprop(lr=0.01)"), ("adadelta", "adadelta"), ("adam", "adam(lr=0.001)"),
        ("adamw", "adamw(lr=0.001)"), ("adamax", "adamax"), ("nadam", "nadam"), ("radam", "radam"),
        ("lion", "lion"),
    ]

    /// The names `measure` accepts.
    public static var names: [String] { optimizers.map(\.name) }

    /// One optimizer's figures.
    public struct Result: Sendable {
        public var optimizer: String
        public var n: Int
        public var threads: Int
        /// Median seconds per step with the default policy (`NonFinitePolicy.refuse`: gradients
        /// checked before the update).
        public var secondsPerStep: Double
        /// Median seconds per step with `NonFinitePolicy.unchecked` (torch's behaviour).
        public var uncheckedSecondsPerStep: Double
        /// Bytes the update moves per element, without the check's extra read of g.
        public var bytesPerElement: Int
        /// Of the parts handed to the helper thread during the benchmark's steps (the second halves of
        /// the check and the update, with two threads), the share the helper computed; the caller
        /// took the others back because the helper had not started them. Nil when none was handed
        /// over. Well under 1 means the two halves did not run side by side.
        public var helperShare: Double?

        public var elementsPerSecond: Double { Double(n) / secondsPerStep }
        public var uncheckedElementsPerSecond: Double { Double(n) / uncheckedSecondsPerStep }

        /// The JSON record `descent bench step --format json` prints.
        public var json: JSONValue {
            .object([
                ("optimizer", .string(optimizer)), ("n", .int(n)), ("threads", .int(threads)),
                ("seconds_per_step", .number(secondsPerStep)), ("elements_per_second", .number(elementsPerSecond)),
                ("unchecked_seconds_per_step", .number(uncheckedSecondsPerStep)),
                ("unchecked_elements_per_second", .number(uncheckedElementsPerSecond)),
                ("bytes_per_element", .int(bytesPerElement)),
            ] + (helperShare.map { [("helper_share", JSONValue.number($0))] } ?? []))
        }
    }

    /// Times `repetitions` steps of optimizer `name` on one parameter of `n` float32 elements at
    /// `threads` threads, after `warmup` steps (the first makes the state), first with the default
    /// non-finite policy, then unchecked; p and g start uniform in [0, 1) as torch.rand.
    public static func measure(optimizer name: String, n: Int, threads: Int,
                               warmup: Int = 3, repetitions: Int = 20) throws -> Result {
        let spec = try BenchmarkError.spec(of: name, in: optimizers)
        try validate(n: n, threads: threads, warmup: warmup, repetitions: repetitions)
        let config = try OptimizerConfig(parsing: spec)
        let param = FlatParameter<Float>([Float](repeating: 0, count: n))
        var random = UniformFloats(seed: 1)
        random.fill(param.valuePointer, count: n)
        param.setGradient(random.array(count: n))
        let optimizer = try Optimizer(config, parameters: [param])
        optimizer.threads = threads
        optimizer.nonFinitePolicy = .refuse
        var (posted, helped) = (0, 0)
        func timed(warmup: Int) throws -> Double {
            try Stopwatch.median(warmup: warmup, repetitions: repetitions) {
                let before = (HelperThread.shared.posted, HelperThread.shared.completed)
                try optimizer.step()
                posted += HelperThread.shared.posted - before.0
                helped += HelperThread.shared.completed - before.1
            }
        }
        let checked = try timed(warmup: warmup)
        optimizer.nonFinitePolicy = .unchecked
        let unchecked = try timed(warmup: 1)
        let slots = config.kind.stateNames(config.hyperparameters).count
        return Result(optimizer: name, n: n, threads: threads, secondsPerStep: checked,
                      uncheckedSecondsPerStep: unchecked, bytesPerElement: 4 * (3 + 2 * slots),
                      helperShare: posted > 0 ? Double(helped) / Double(posted) : nil)
    }

    static func validate(n: Int, threads: Int, warmup: Int, repetitions: Int) throws {
        try BenchmarkError.check(atLeast: 1, ["n": n, "threads": threads])
        try BenchmarkError.check(atLeast: 0, ["warmup": warmup])
        try BenchmarkError.check(atLeast: 1, ["repetitions": repetitions])
    }
}

/// Uniform floats in [0, 1) from a 64-bit LCG: fast enough to fill hundreds of megabytes.
struct UniformFloats {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> Float {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Float(state >> 40) * 0x1p-24
    }

    mutating func fill(_ p: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { p[i] = next() }
    }

    mutating func array(count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer.baseAddress!, count: count)
            initialized = count
        }
    }
}
