import Foundation
import Optimizers
import Testing

@Suite("State dict")
struct StateDictTests {
    @Test("30 steps, save, load into a fresh optimizer, 30 more equal 60 straight (bit for bit)", arguments: allConfigs)
    func roundTrip(_ spec: String) throws {
        try roundTrip(spec, Double.self)
        try roundTrip(spec, Float.self)
    }

    func roundTrip<T: OptimizerScalar>(_ spec: String, _: T.Type) throws {
        let config = try OptimizerConfig(parsing: spec)
        let straight = FlatParameter<T>(Problem.start(37))
        let a = try Optimizer(config, parameters: [straight])
        try run(a, straight, steps: 60)

        let first = FlatParameter<T>(Problem.start(37))
        let b = try Optimizer(config, parameters: [first])
        try run(b, first, steps: 30)
        let data = try JSONEncoder().encode(b.stateDict())
        let saved = try JSONDecoder().decode(OptimizerStateDict<T>.self, from: data)

        let resumed = FlatParameter<T>(first.values)
        let c = try Optimizer(config, parameters: [resumed])
        try c.load(saved)
        try run(c, resumed, steps: 30)
        #expect(resumed.values == straight.values)
        #expect(c.stepCount == 60)
    }

    @Test("a state dict that does not fit is refused with the reason")
    func mismatch() throws {
        let p = FlatParameter<Double>([1, 2, 3])
        let adam = try Optimizer(try OptimizerConfig(parsing: "adam"), parameters: [p])
        try run(adam, p, steps: 2)
        let dict = adam.stateDict()
        let sgd = try Optimizer(try OptimizerConfig(parsing: "sgd"), parameters: [p])
        #expect(throws: OptimizerError.stateMismatch("saved for adam, this optimizer is sgd")) { try sgd.load(dict) }
        let other = try Optimizer(try OptimizerConfig(parsing: "adam"), parameters: [FlatParameter<Double>([1, 2])])
        #expect(throws: OptimizerError.self) { try other.load(dict) }
        var broken = dict
        broken.state[0][0]!.buffers[0].removeLast()
        let fresh = try Optimizer(try OptimizerConfig(parsing: "adam"), parameters: [p])
        #expect(throws: OptimizerError.self) { try fresh.load(broken) }
    }
}
