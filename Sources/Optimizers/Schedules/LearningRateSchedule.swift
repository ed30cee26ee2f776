#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A learning-rate schedule in closed form, as torch.optim.lr_scheduler: the lr at scheduler
/// step `e` (0 before the first `step()`) from the group's initial lr. A closed form keeps a
/// resumed run exact: the only state is `e`.
public protocol LearningRateSchedule: Sendable {
    func learningRate(base: Double, epoch e: Int) -> Double
    /// The momentum (SGD) or beta1 (Adam family) to use at `e`, for schedules that cycle it.
    func momentum(epoch e: Int) -> Double?
}

extension LearningRateSchedule {
    public func momentum(epoch e: Int) -> Double? { nil }
}

/// StepLR: `base * gamma^floor(e/step_size)`.
public struct StepLR: LearningRateSchedule {
    public var stepSize: Int, gamma: Double
    public init(stepSize: Int, gamma: Double = 0.1) { self.stepSize = stepSize; self.gamma = gamma }
    public func learningRate(base: Double, epoch e: Int) -> Double { base * pow(gamma, Double(e / stepSize)) }
}

/// MultiStepLR: `base * gamma^(number of milestones <= e)`.
public struct MultiStepLR: LearningRateSchedule {
    public var milestones: [Int], gamma: Double
    public init(milestones: [Int], gamma: Double = 0.1) { self.milestones = milestones.sorted(); self.gamma = gamma }
    public func learningRate(base: Double, epoch e: Int) -> Double {
        base * pow(gamma, Double(milestones.filter { $0 <= e }.count))
    }
}

/// ExponentialLR: `base * gamma^e`.
public struct ExponentialLR: LearningRateSchedule {
    public var gamma: Double
    public init(gamma: Double) { self.gamma = gamma }
    public func learningRate(base: Double, epoch e: Int) -> Double { base * pow(gamma, Double(e)) }
}

/// CosineAnnealingLR: `eta_min + (base - eta_min) * (1 + cos(pi*e/T_max)) / 2`.
public struct CosineAnnealingLR: LearningRateSchedule {
    public var tMax: Int, etaMin: Double
    public init(tMax: Int, etaMin: Double = 0) { self.tMax = tMax; self.etaMin = etaMin }
    public func learningRate(base: Double, epoch e: Int) -> Double {
        etaMin + (base - etaMin) * (1 + cos(Double.pi * Double(e) / Double(tMax))) / 2
    }
}

/// LinearLR: `base * (start + (end - start) * min(e, total_iters) / total_iters)`.
public struct LinearLR: LearningRateSchedule {
    public var startFactor: Double, endFactor: Double, totalIters: Int
    public init(startFactor: Double = 1.0 / 3, endFactor: Double = 1, totalIters: Int = 5) {
        self.startFactor = startFactor; self.endFactor = endFactor; self.totalIters = totalIters
    }
    public func learningRate(base: Double, epoch e: Int) -> Double {
        base * (startFactor + (endFactor - startFactor) * Double(min(e, totalIters)) / Double(totalIters))
    }
}

/// PolynomialLR: `base * (1 - min(e, total_iters)/total_iters)^power`.
public struct PolynomialLR: LearningRateSchedule {
    public var totalIters: Int, power: Double
    public init(totalIters: Int = 5, power: Double = 1) { self.totalIters = totalIters; self.power = power }
    public func learningRate(base: Double, epoch e: Int) -> Double {
        base * pow(1 - Double(min(e, totalIters)) / Double(totalIters), power)
    }
}

/// Linear warm-up from `startFactor * base` to `base` over `steps` scheduler steps, then `then`
/// starting from its own step 0 (torch's SequentialLR of LinearLR and another schedule).
public struct WarmupSchedule: LearningRateSchedule {
    public var steps: Int, startFactor: Double
    public var then: any LearningRateSchedule
    public init(steps: Int, startFactor: Double, then: any LearningRateSchedule) {
        self.steps = steps; self.startFactor = startFactor; self.then = then
    }
    public func learningRate(base: Double, epoch e: Int) -> Double {
        e < steps ? base * (startFactor + (1 - startFactor) * Double(e) / Double(steps))
                  : then.learningRate(base: base, epoch: e - steps)
    }
    public func momentum(epoch e: Int) -> Double? { e < steps ? nil : then.momentum(epoch: e - steps) }
}

/// A constant learning rate (no schedule).
public struct ConstantLR: LearningRateSchedule {
    public init() {}
    public func learningRate(base: Double, epoch e: Int) -> Double { base }
}
