/// ReduceLROnPlateau (torch): multiply the lr by `factor` when a metric has not improved for
/// more than `patience` checks, then wait `cooldown` checks. "Improved" in min mode with a
/// relative threshold means `metric < best*(1 - threshold)`. Its whole state is Codable.
public struct ReduceLROnPlateau: Codable, Equatable, Sendable {
    public enum Mode: String, Codable, Sendable { case min, max }
    public enum ThresholdMode: String, Codable, Sendable { case rel, abs }
    public var mode: Mode = .min
    public var factor = 0.1
    public var patience = 10
    public var threshold = 1e-4
    public var thresholdMode: ThresholdMode = .rel
    public var cooldown = 0
    public var minLR = 0.0
    public var eps = 1e-8
    public private(set) var best: Double
    public private(set) var badChecks = 0
    public private(set) var cooldownLeft = 0

    public init(mode: Mode = .min, factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4,
                thresholdMode: ThresholdMode = .rel, cooldown: Int = 0, minLR: Double = 0) throws {
        guard factor < 1, factor >= 0 else {
            throw OptimizerError.invalidHyperparameter(name: "factor", value: "\(factor)", allowed: "0 <= factor < 1")
        }
        guard patience >= 0 else {
            throw OptimizerError.invalidHyperparameter(name: "patience", value: "\(patience)", allowed: "an integer >= 0")
        }
        self.mode = mode; self.factor = factor; self.patience = patience; self.threshold = threshold
        self.thresholdMode = thresholdMode; self.cooldown = cooldown; self.minLR = minLR
        best = mode == .min ? .infinity : -.infinity
    }

    private func isBetter(_ a: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .rel): return a < best * (1 - threshold)
        case (.min, .abs): return a < best - threshold
        case (.max, .rel): return a > best * (threshold + 1)
        case (.max, .abs): return a > best + threshold
        }
    }

    /// Records one metric value; returns the new lr for `lr` (unchanged unless reduced).
    public mutating func step(metric: Double, lr: Double) -> Double {
        if isBetter(metric) { best = metric; badChecks = 0 } else { badChecks += 1 }
        if cooldownLeft > 0 { cooldownLeft -= 1; badChecks = 0 }
        guard badChecks > patience else { return lr }
        cooldownLeft = cooldown
        badChecks = 0
        let newLR = Swift.max(lr * factor, minLR)
        return lr - newLR > eps ? newLR : lr
    }
}
