import Optimizers
import Testing

@Suite("Optimizer driver")
struct DriverTests {
    @Test("parameter groups: own hyper-parameters, defaults for the rest, lr changes take effect")
    func groups() throws {
        let a = FlatParameter<Double>([1, 1]), b = FlatParameter<Double>([1, 1])
        let opt = try Optimizer(try OptimizerConfig(parsing: "sgd(lr=0.1)"), parameters: [a])
        try opt.addGroup([b], overrides: [("lr", .number(0.01)), ("momentum", .number(0.9))])
        #expect(opt.groups[1].hyperparameters.momentum == 0.9 && opt.groups[0].hyperparameters.momentum == 0)
        a.setGradient([1, 2]); b.setGradient([1, 2])
        try opt.step()
        #expect(a.values == [0.9, 0.8])
        #expect(b.values == [0.99, 0.98])
        opt.groups[0].learningRate = 1
        try opt.step()
        #expect(a.values == [0.9 - 1, 0.8 - 2])
        #expect(throws: OptimizerError.self) { try opt.addGroup([b], overrides: [("lr", .number(-1))]) }
    }

    @Test("a parameter without a gradient is skipped and its state not advanced")
    func skipsMissingGradient() throws {
        let a = FlatParameter<Double>([1]), b = FlatParameter<Double>([1])
        let opt = try Optimizer(try OptimizerConfig(parsing: "adam(lr=0.1)"), parameters: [a, b])
        a.setGradient([1])
        try opt.step()
        #expect(b.values == [1])
        #expect(opt.parameterStep(parameter: 0) == 1 && opt.parameterStep(parameter: 1) == 0)
        #expect(opt.stateBuffer(parameter: 1, name: "exp_avg") == nil)
        b.setGradient([1])
        try opt.step()
        #expect(opt.parameterStep(parameter: 0) == 2 && opt.parameterStep(parameter: 1) == 1)
        // b's first step is a first Adam step: it moves by lr exactly.
        #expect(abs(b.values[0] - 0.9) < 1e-8)
    }

    @Test("a non-finite gradient is refused with where it is, or skipped and counted",
          arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(_ bad: Double) throws {
        let a = FlatParameter<Double>([1, 2, 3])
        let opt = try Optimizer(try OptimizerConfig(parsing: "adam(lr=0.1)"), parameters: [a])
        a.setGradient([0.5, bad, 1])
        #expect(throws: OptimizerError.nonFiniteGradient(group: 0, parameter: 0, index: 1, value: "\(bad)")) { try opt.step() }
        #expect(a.values == [1, 2, 3])
        #expect(opt.stateBuffer(parameter: 0, name: "exp_avg") == nil)
        opt.nonFinitePolicy = .skip
        #expect(try opt.step() == .skipped)
        #expect(opt.skippedSteps == 1 && opt.stepCount == 0 && a.values == [1, 2, 3])
        a.setGradient([0.5, 0.5, 1])
        #expect(try opt.step() == .applied)
        #expect(opt.stepCount == 1)
    }

    @Test("with clipping by norm (whose pass stands in for the check) a non-finite gradient is still refused or skipped; an overflowing norm of finite gradients is not")
    func nonFiniteWithNormClipping() throws {
        let a = FlatParameter<Double>([1, 2]), b = FlatParameter<Float>([3])
        let da = try Optimizer(try OptimizerConfig(parsing: "sgd(lr=1)"), parameters: [a])
        da.clipping = .norm(1)
        a.setGradient([.nan, 1])
        #expect(throws: OptimizerError.nonFiniteGradient(group: 0, parameter: 0, index: 0, value: "nan")) { try da.step() }
        #expect(a.values == [1, 2] && da.lastGradientNorm == nil)
        da.nonFinitePolicy = .skip
        #expect(try da.step() == .skipped)
        #expect(a.values == [1, 2] && da.skippedSteps == 1)
        a.setGradient([1e200, 0])  // finite, but its square overflows: the norm is infinite
        #expect(try da.step() == .applied)
        #expect(da.lastGradientNorm == .infinity && a.values == [1, 2])  // clipped by 1/(inf) = 0
        let fb = try Optimizer(try OptimizerConfig(parsing: "sgd(lr=1)"), parameters: [b])
        fb.clipping = .norm(1)
        b.setGradient([-.infinity])
        #expect(throws: OptimizerError.nonFiniteGradient(group: 0, parameter: 0, index: 0, value: "-inf")) { try fb.step() }
        #expect(b.values == [3])
    }

    @Test("clipping by global norm and by value")
    func clipping() throws {
        let a = FlatParameter<Double>([0, 0]), b = FlatParameter<Double>([0])
        let opt = try Optimizer(try OptimizerConfig(parsing: "sgd(lr=1)"), parameters: [a, b])
        opt.clipping = .norm(1)
        a.setGradient([3, 0]); b.setGradient([4])
        try opt.step()
        #expect(opt.lastGradientNorm == 5)
        #expect(abs(a.values[0] + 3 / (5 + 1e-6)) < 1e-12 && abs(b.values[0] + 4 / (5 + 1e-6)) < 1e-12)
        opt.clipping = .value(0.5)
        a.setGradient([3, -0.25]); b.setGradient([-4])
        let before = a.values + b.values
        try opt.step()
        #expect(a.values[0] == before[0] - 0.5 && a.values[1] == before[1] + 0.25 && b.values[0] == before[2] + 0.5)
    }

    @Test("the threaded path gives the plain loop's numbers", arguments: allConfigs)
    func threadedEqualsInline(_ spec: String) throws {
        let n = ParallelChunks.parallelThreshold * 2 + 999
        let config = try OptimizerConfig(parsing: spec)
        let one = FlatParameter<Float>(Problem.start(n)), two = FlatParameter<Float>(Problem.start(n))
        let a = try Optimizer(config, parameters: [one]), b = try Optimizer(config, parameters: [two])
        a.threads = 1
        b.threads = 2
        try run(a, one, steps: 3)
        try run(b, two, steps: 3)
        #expect(one.values == two.values)
    }

    @Test("passes are split in two from helperThreshold on with two threads, by parallelThreshold with more")
    func chunking() {
        let h = ParallelChunks.helperThreshold, p = ParallelChunks.parallelThreshold
        #expect(ParallelChunks.chunking(count: h - 1, threads: 2) == (1, h - 1))
        #expect(ParallelChunks.chunking(count: h, threads: 2) == (2, h / 2))
        #expect(ParallelChunks.chunking(count: h + 1, threads: 2) == (2, h / 2 + 64))
        #expect(ParallelChunks.chunking(count: 10 * p, threads: 1) == (1, 10 * p))
        #expect(ParallelChunks.chunking(count: 2 * p - 1, threads: 4) == (1, 2 * p - 1))
        #expect(ParallelChunks.chunking(count: 200_000, threads: 3) == (3, 66_688))
        for (count, threads) in [(h + 1, 2), (200_000, 3), (5 * p + 7, 4)] {
            var covered = [Int](repeating: 0, count: count)
            covered.withUnsafeMutableBufferPointer { c in
                ParallelChunks.run(count: count, threads: threads) { offset, length in
                    for i in offset..<(offset + length) { c[i] += 1 }
                }
            }
            #expect(covered.allSatisfy { $0 == 1 }, "\(count) on \(threads) threads")
            covered = [Int](repeating: 0, count: count)
            covered.withUnsafeMutableBufferPointer { c in
                ParallelChunks.run(Marking(counts: c.baseAddress!), count: count, threads: threads)
            }
            #expect(covered.allSatisfy { $0 == 1 }, "pass: \(count) on \(threads) threads")
        }
    }

    /// A `ChunkedPass` counting how often each element is visited.
    struct Marking: ChunkedPass {
        let counts: UnsafeMutablePointer<Int>
        func run(offset: Int, length: Int) { for i in offset..<(offset + length) { counts[i] += 1 } }
    }

    @Test("setting the learning rate sets every group's")
    func learningRate() throws {
        let opt = try Optimizer(try OptimizerConfig(parsing: "adam"), parameters: [FlatParameter<Float>([1])])
        try opt.addGroup([FlatParameter<Float>([1])])
        opt.learningRate = 0.5
        #expect(opt.groups.allSatisfy { $0.learningRate == 0.5 })
    }
}
