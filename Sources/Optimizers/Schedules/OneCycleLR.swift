#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OneCycleLR (Smith & Topin), as torch: lr rises from `max_lr/div_factor` to `max_lr` over
/// the first `pct_start` of `total_steps` while momentum falls from `max_momentum` to
/// `base_momentum`, then lr anneals to `initial/final_div_factor` while momentum climbs back.
///
///     phase 1: steps 0 ... s1 = pct_start*total_steps - 1;  phase 2: s1 ... total_steps - 1
///     cos anneal at fraction q: end + (start - end)/2 * (cos(pi*q) + 1);  linear: start + (end-start)*q
public struct OneCycleLR: LearningRateSchedule {
    public enum Anneal: String, Sendable { case cos, linear }
    public var maxLR: Double, totalSteps: Int, pctStart: Double, anneal: Anneal
    public var divFactor: Double, finalDivFactor: Double
    public var cycleMomentum: Bool, baseMomentum: Double, maxMomentum: Double

    public init(maxLR: Double, totalSteps: Int, pctStart: Double = 0.3, anneal: Anneal = .cos,
                divFactor: Double = 25, finalDivFactor: Double = 1e4, cycleMomentum: Bool = true,
                baseMomentum: Double = 0.85, maxMomentum: Double = 0.95) {
        self.maxLR = maxLR; self.totalSteps = totalSteps; self.pctStart = pctStart; self.anneal = anneal
        self.divFactor = divFactor; self.finalDivFactor = finalDivFactor; self.cycleMomentum = cycleMomentum
        self.baseMomentum = baseMomentum; self.maxMomentum = maxMomentum
    }

    var initialLR: Double { maxLR / divFactor }
    var minLR: Double { initialLR / finalDivFactor }

    private func interpolate(_ start: Double, _ end: Double, _ q: Double) -> Double {
        switch anneal {
        case .cos: return end + (start - end) / 2 * (cos(Double.pi * q) + 1)
        case .linear: return (end - start) * q + start
        }
    }

    /// (phase start value, end value) pairs for lr and momentum at step e, and the fraction.
    private func phase(_ e: Int) -> (lr: (Double, Double), m: (Double, Double), q: Double) {
        let s1 = pctStart * Double(totalSteps) - 1
        let step = Double(min(e, totalSteps))
        if step <= s1 {
            return ((initialLR, maxLR), (maxMomentum, baseMomentum), step / s1)
        }
        let end = Double(totalSteps - 1)
        return ((maxLR, minLR), (baseMomentum, maxMomentum), (step - s1) / (end - s1))
    }

    public func learningRate(base: Double, epoch e: Int) -> Double {
        let p = phase(e)
        return interpolate(p.lr.0, p.lr.1, p.q)
    }

    public func momentum(epoch e: Int) -> Double? {
        guard cycleMomentum else { return nil }
        let p = phase(e)
        return interpolate(p.m.0, p.m.1, p.q)
    }
}
