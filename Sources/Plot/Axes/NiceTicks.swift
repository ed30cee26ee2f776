import Foundation

/// Tick positions for linear and log10 axes.
///
/// Linear ticks are the multiples of a 1-2-5 step inside the domain. Log ticks are the decades
/// inside the domain (every second or third when there are many), with the minor ticks 2·10ᵏ …
/// 9·10ᵏ when every decade is labelled. When at most two decades fall inside the domain the
/// labels are 1, 2, 5 × 10ᵏ instead (if they fit), and a domain too narrow even for that gets
/// linear 1-2-5 ticks, so an axis is never left with a single label.
public enum NiceTicks {
    /// Multiples of the nice step for `targetCount` intervals that lie in [lower, upper].
    public static func linear(_ lower: Double, _ upper: Double, targetCount: Int = 5) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper > lower else { return lower.isFinite ? [lower] : [] }
        let step = TickStep(span: upper - lower, targetCount: targetCount)
        guard max(abs(lower), abs(upper)) / step.value < 1e15 else { return [lower, upper] }
        let tolerance = step.value * 1e-9
        let first = Int(ceil((lower - tolerance) / step.value))
        let last = Int(floor((upper + tolerance) / step.value))
        guard last >= first, last - first < 10_000 else { return [] }
        return (first...last).map { step.multiple($0) }
    }

    /// [lower, upper] widened outwards to the nearest multiples of the nice step.
    public static func niceDomain(_ lower: Double, _ upper: Double, targetCount: Int = 5) -> (Double, Double) {
        guard lower.isFinite, upper.isFinite, upper > lower else { return (lower, upper) }
        let step = TickStep(span: upper - lower, targetCount: targetCount)
        guard max(abs(lower), abs(upper)) / step.value < 1e15 else { return (lower, upper) }
        let tolerance = step.value * 1e-9
        let first = Int(floor((lower + tolerance) / step.value))
        let last = Int(ceil((upper - tolerance) / step.value))
        return (step.multiple(first), step.multiple(last))
    }

    /// Major and minor ticks for a log10 axis over [lower, upper] (both > 0).
    ///
    /// - Parameters:
    ///   - maxMajor: the most labelled ticks that fit; decades are thinned to every n-th.
    ///   - minorAllowed: whether there is room for 2…9 minor ticks between decades.
    public static func log(_ lower: Double, _ upper: Double, maxMajor: Int = 8,
                           minorAllowed: Bool = true) -> (major: [Double], minor: [Double]) {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return ([], []) }
        let k0 = Int(ceil(Foundation.log10(lower) - 1e-9))
        let k1 = Int(floor(Foundation.log10(upper) + 1e-9))
        let inside = { (v: Double) in v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) }
        func multiples(_ mantissas: [Int]) -> [Double] {
            var values: [Double] = []
            for k in (k0 - 1)...k1 {
                for m in mantissas {
                    let v = TickStep(mantissa: m, exponent: k).value
                    if inside(v) { values.append(v) }
                }
            }
            return values
        }
        let oneTwoFive = multiples([1, 2, 5])
        if k1 - k0 + 1 <= 2 && oneTwoFive.count >= 2 && oneTwoFive.count <= max(maxMajor, 2) {
            return (oneTwoFive, minorAllowed ? multiples([3, 4, 6, 7, 8, 9]) : [])
        }
        if k1 - k0 + 1 >= 2 {
            let count = k1 - k0 + 1
            let stride = max(1, Int(ceil(Double(count) / Double(max(maxMajor, 2)))))
            let first = Int((Double(k0) / Double(stride)).rounded(.up)) * stride
            let major = Swift.stride(from: first, through: k1, by: stride).map(TickStep.powerOfTen)
            guard stride == 1 && minorAllowed else {
                let skipped = Swift.stride(from: k0, through: k1, by: 1).map(TickStep.powerOfTen)
                    .filter { !major.contains($0) }
                return (major, skipped)
            }
            var minor: [Double] = []
            for k in (k0 - 1)...k1 {
                for m in 2...9 {
                    let v = Double(m) * TickStep.powerOfTen(k)
                    if inside(v) { minor.append(v) }
                }
            }
            return (major, minor)
        }
        return (linear(lower, upper, targetCount: min(maxMajor, 5)), [])
    }
}
