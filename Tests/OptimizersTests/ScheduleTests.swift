import Foundation
import Optimizers
import Testing

@Suite("Learning-rate schedules")
struct ScheduleTests {
    func lrs(_ text: String, base: Double = 1, steps: Int) throws -> [Double] {
        let s = try ScheduleConfig(parsing: text).make()
        return (0..<steps).map { s.learningRate(base: base, epoch: $0) }
    }

    func expectClose(_ a: [Double], _ b: [Double]) {
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(x) vs \(y)") }
    }

    @Test("closed forms of torch's schedulers")
    func closedForms() throws {
        expectClose(try lrs("step(step_size=2, gamma=0.5)", steps: 5), [1, 1, 0.5, 0.5, 0.25])
        expectClose(try lrs("multistep(milestones=[1, 3], gamma=0.1)", steps: 4), [1, 0.1, 0.1, 0.01])
        expectClose(try lrs("exponential(gamma=0.9)", steps: 3), [1, 0.9, 0.81])
        expectClose(try lrs("cosine(T_max=4, eta_min=0)", steps: 5), [1, (1 + cos(Double.pi / 4)) / 2, 0.5, (1 + cos(3 * Double.pi / 4)) / 2, 0])
        expectClose(try lrs("linear(start_factor=0.5, total_iters=2)", steps: 4), [0.5, 0.75, 1, 1])
        expectClose(try lrs("polynomial(total_iters=4, power=2)", steps: 6), [1, 0.5625, 0.25, 0.0625, 0, 0])
        expectClose(try lrs("cosine(T_max=2, warmup_steps=2, warmup_start_factor=0.5)", steps: 5), [0.5, 0.75, 1, 0.5, 0])
    }

    @Test("OneCycle: warm-up to max_lr, anneal to max_lr/div/final_div, momentum mirrored")
    func oneCycle() throws {
        let s = OneCycleLR(maxLR: 1, totalSteps: 10, pctStart: 0.3)
        #expect(abs(s.learningRate(base: 0, epoch: 0) - 0.04) < 1e-15)
        #expect(abs(s.learningRate(base: 0, epoch: 2) - 1) < 1e-15)
        #expect(abs(s.learningRate(base: 0, epoch: 9) - 0.04 / 1e4) < 1e-15)
        #expect(s.momentum(epoch: 0) == 0.95)
        #expect(abs(s.momentum(epoch: 2)! - 0.85) < 1e-15)
        #expect(abs(s.momentum(epoch: 9)! - 0.95) < 1e-15)
        // torch: at step 1, pct = 1/2 of phase 1: lr = 1 + (0.04 - 1)/2 * (cos(pi/2) + 1) = 0.52
        #expect(abs(s.learningRate(base: 0, epoch: 1) - 0.52) < 1e-12)
        let linear = OneCycleLR(maxLR: 1, totalSteps: 10, anneal: .linear)
        #expect(abs(linear.learningRate(base: 0, epoch: 1) - 0.52) < 1e-12)
    }

    @Test("OneCycle cycles SGD's momentum and Adam's beta1 through the scheduler")
    func oneCycleMomentum() throws {
        let p = FlatParameter<Double>([1])
        let sgd = try Optimizer(try OptimizerConfig(parsing: "sgd(momentum=0.9)"), parameters: [p])
        let sched = try LRScheduler(OneCycleLR(maxLR: 0.1, totalSteps: 10), optimizer: sgd)
        #expect(sgd.groups[0].hyperparameters.momentum == 0.95)
        sched.step(); sched.step()
        #expect(abs(sgd.groups[0].hyperparameters.momentum - 0.85) < 1e-12)
        let adam = try Optimizer(try OptimizerConfig(parsing: "adam"), parameters: [p])
        _ = try LRScheduler(OneCycleLR(maxLR: 0.1, totalSteps: 10), optimizer: adam)
        #expect(adam.groups[0].hyperparameters.beta1 == 0.95)
        let adagrad = try Optimizer(try OptimizerConfig(parsing: "adagrad"), parameters: [p])
        #expect(throws: OptimizerError.self) { try LRScheduler(OneCycleLR(maxLR: 0.1, totalSteps: 10), optimizer: adagrad) }
    }

    @Test("ReduceLROnPlateau reduces after patience, then cools down")
    func plateau() throws {
        var r = try ReduceLROnPlateau(factor: 0.5, patience: 2, cooldown: 1)
        var lr = 1.0
        for m in [1.0, 0.5, 0.5, 0.5] { lr = r.step(metric: m, lr: lr) }
        #expect(lr == 1)
        lr = r.step(metric: 0.5, lr: lr)
        #expect(lr == 0.5)
        lr = r.step(metric: 0.5, lr: lr)
        #expect(lr == 0.5)
        #expect(throws: OptimizerError.self) { try ReduceLROnPlateau(factor: 1.5) }
    }

    @Test("bad schedules are rejected naming the argument", arguments: [
        ("step", "step_size"), ("step(step_size=0)", "step_size"), ("cosine(T_max=-1)", "T_max"),
        ("multistep(milestones=[1.5])", "milestones"), ("onecycle(total_steps=10)", "max_lr"),
        ("onecycle(max_lr=1, total_steps=10, anneal_strategy=cubic)", "anneal_strategy"),
        ("exponential(gamma=-1)", "gamma"), ("warp(x=1)", "schedule.kind"), ("cosine(T_max=3, foo=1)", "foo"),
    ])
    func rejects(_ text: String, _ name: String) {
        do { _ = try ScheduleConfig(parsing: text); Issue.record("accepted \(text)") } catch {
            #expect("\(error)".contains(name), "\(error)")
        }
    }
}
