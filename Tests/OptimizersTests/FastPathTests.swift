import Foundation
import Optimizers
import Testing

/// Every optimizer option and the argument values that flip a branch inside a kernel: lerp's two
/// forms (weight above and below one half), maximize, L2 and decoupled weight decay, AMSGrad,
/// centered and momentum RMSprop, Nesterov, dampening.
let fastPathConfigs: [String] = allConfigs + [
    "sgd(lr=0.05, weight_decay=0.01, maximize=true)", "sgd(lr=0.05, momentum=0.9, nesterov=true, weight_decay=0.1)",
    "adagrad(lr=0.1, maximize=true)",
    "rmsprop(lr=0.01, centered=true)", "rmsprop(lr=0.01, momentum=0.5, maximize=true)",
    "rmsprop(lr=0.01, alpha=0.3, centered=true, momentum=0.9)",
    "adadelta(lr=1.0, rho=0.3, maximize=true)",
    "adam(lr=0.01, betas=(0.3, 0.9), maximize=true)", "adamw(lr=0.01, amsgrad=true, maximize=true)",
    "adamax(lr=0.01, betas=(0.3, 0.9), maximize=true)",
    "nadam(lr=0.01, betas=(0.3, 0.9), weight_decay=0.01, maximize=true)",
    "radam(lr=0.01, betas=(0.3, 0.99), weight_decay=0.01, maximize=true)",
    "lion(lr=0.01, betas=(0.3, 0.99))",
]

/// Sizes below, at and around one 16-lane vector, and larger ones with a tail (kept small: the
/// reference runs unoptimised in debug test builds).
let fastPathSizes = [1, 15, 16, 17, 33, 1000, 10_007]

@Suite("float32 fast paths")
struct FastPathTests {
    @Test("the C kernel gives the Swift reference's float32 numbers bit for bit",
          arguments: fastPathConfigs)
    func kernelEqualsReference(_ spec: String) throws {
        let config = try OptimizerConfig(parsing: spec)
        for n in fastPathSizes {
            switch config.kind {
            case .sgd: try compare(SGDRule.self, config, n)
            case .adagrad: try compare(AdagradRule.self, config, n)
            case .rmsprop: try compare(RMSpropRule.self, config, n)
            case .adadelta: try compare(AdadeltaRule.self, config, n)
            case .adam, .adamw: try compare(AdamRule.self, config, n)
            case .adamax: try compare(AdamaxRule.self, config, n)
            case .nadam: try compare(NAdamRule.self, config, n)
            case .radam: try compare(RAdamRule.self, config, n)
            case .lion: try compare(LionRule.self, config, n)
            }
        }
    }

    @Test("a non-finite gradient in any chunk of a large float32 parameter is refused, nothing written",
          arguments: [(ParallelChunks.parallelThreshold * 3 + 20, 5), (ParallelChunks.parallelThreshold * 3 + 20, ParallelChunks.parallelThreshold * 2 - 3),
                      (ParallelChunks.parallelThreshold * 3 + 20, ParallelChunks.parallelThreshold * 3 + 17),
                      (ParallelChunks.helperThreshold + 100, ParallelChunks.helperThreshold + 99),
                      (ParallelChunks.helperThreshold + 100, ParallelChunks.helperThreshold / 2 + 64)])
    func refusesNonFiniteInLargeParameter(_ n: Int, _ index: Int) throws {
        let start: [Float] = Problem.start(n)
        let param = FlatParameter<Float>(start)
        let opt = try Optimizer(try OptimizerConfig(parsing: "adam(lr=0.1)"), parameters: [param])
        opt.threads = 2
        for bad in [Float.nan, .infinity, -.infinity] {
            var g = [Float](repeating: 0.5, count: n)
            g[index] = bad
            param.setGradient(g)
            #expect(throws: OptimizerError.nonFiniteGradient(group: 0, parameter: 0, index: index, value: "\(bad)")) {
                try opt.step()
            }
            #expect(param.values == start)
            #expect(opt.stateBuffer(parameter: 0, name: "exp_avg") == nil)
        }
        var g = [Float](repeating: 0.5, count: n)
        g[index] = .greatestFiniteMagnitude
        g[0] = -.leastNonzeroMagnitude
        param.setGradient(g)
        #expect(try opt.step() == .applied)
    }
}

/// Steps `R.update` and `R.fastUpdate` side by side from the same values and state, at steps 1, 2
/// and 9 (RAdam's unrectified and rectified branches, SGD's first step), and expects equal bits.
private func compare<R: UpdateRule>(_ rule: R.Type, _ config: OptimizerConfig, _ n: Int,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
    let h = config.hyperparameters
    let slots = max(1, R.stateNames(h).count)
    var random = TestNumbers(seed: UInt64(n) &* 7919 &+ UInt64(slots))
    var reference = StepData(n: n, slots: slots, p: random, state: R.initialStateValue(h))
    var fast = reference
    var scalars = R.initialScalars(h)
    for step in [1, 2, 9] {
        let c = R.coefficients(h, lr: h.learningRate, step: step, scalars: &scalars)
        let g = (0..<n).map { _ in random.gradient() }
        reference.g = g
        fast.g = g
        reference.withBuffers { R.update(c, $0, count: n) }
        let handled = fast.withBuffers { R.fastUpdate(c, $0, count: n) }
        #expect(handled, "\(config) has no fast path", sourceLocation: sourceLocation)
        if let i = reference.firstDifference(fast) {
            Issue.record("\(config), n=\(n), step \(step): element \(i) differs", sourceLocation: sourceLocation)
            return
        }
    }
}

/// One parameter's values, gradient and state slots as arrays, lent to a rule as `StepBuffers`.
private struct StepData {
    var p: [Float], g: [Float], state: [[Float]]

    init(n: Int, slots: Int, p random: TestNumbers, state initial: Double) {
        var r = random
        p = (0..<n).map { _ in r.value() }
        g = [Float](repeating: 0, count: n)
        state = Array(repeating: [Float](repeating: Float(initial), count: n), count: slots)
    }

    mutating func withBuffers<Result>(_ body: (StepBuffers<Float>) -> Result) -> Result {
        var s0 = state[0], s1 = state.count > 1 ? state[1] : [], s2 = state.count > 2 ? state[2] : []
        defer { state = Array([s0, s1, s2].prefix(state.count)) }
        return p.withUnsafeMutableBufferPointer { p in
            g.withUnsafeMutableBufferPointer { g in
                s0.withUnsafeMutableBufferPointer { s0 in
                    s1.withUnsafeMutableBufferPointer { s1 in
                        s2.withUnsafeMutableBufferPointer { s2 in
                            let slots = [s0, s1, s2].prefix(state.count).map { $0.baseAddress! }
                            return body(StepBuffers(values: p.baseAddress!, gradient: g.baseAddress!, state: slots))
                        }
                    }
                }
            }
        }
    }

    /// The first element (of the values or any state slot) whose bits differ, or nil.
    func firstDifference(_ other: StepData) -> Int? {
        for (a, b) in zip([p] + state, [other.p] + other.state) {
            let same = a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
            if same { continue }
            return a.indices.first { a[$0].bitPattern != b[$0].bitPattern }
        }
        return nil
    }
}

/// Deterministic test numbers (a 64-bit LCG): values in [-2, 2) and gradients of both signs over
/// five decades, with exact zeros now and then (Lion's sign(0), SGD's untouched elements).
private struct TestNumbers {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 6364136223846793005 &+ 1442695040888963407 }

    mutating func unit() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }

    mutating func value() -> Float { Float(unit() * 4 - 2) }

    mutating func gradient() -> Float {
        let u = unit()
        if u < 0.05 { return 0 }
        let decade = Int(unit() * 5) - 3
        var scale = 1.0
        for _ in 0..<abs(decade) { scale = decade < 0 ? scale / 10 : scale * 10 }
        return Float((u * 2 - 1.05) * scale)
    }
}

/// `FiniteCheck` finds a NaN or infinity in either half of a split check, and passes finite buffers.
@Suite struct FiniteCheckTests {
    @Test(arguments: [1, 2, 3])
    func findsNonFiniteValuesInEitherHalf(threads: Int) {
        let n = ParallelChunks.helperThreshold + 1000
        var values = [Float](repeating: 1.5, count: n)
        values[n - 1] = -.greatestFiniteMagnitude
        #expect(FiniteCheck.allFinite(values, count: n, threads: threads))
        for index in [0, n / 2 - 1, n / 2 + 40, n - 1] {
            for bad in [Float.nan, .infinity, -.infinity] {
                var copy = values
                copy[index] = bad
                #expect(!FiniteCheck.allFinite(copy, count: n, threads: threads), "\(bad) at \(index)")
            }
        }
    }
}
