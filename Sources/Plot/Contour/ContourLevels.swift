import Foundation

/// Which contour levels to draw, chosen to suit the function's range.
///
/// Bowls such as 0.1x² + 2y² read well with evenly spaced levels. Functions whose values span
/// decades (Rosenbrock, Beale) need levels packed near the minimum: offsets above the floor in
/// geometric progression, cₖ = floor + d·10^(−decades·(1 − k/count)), k = 0 … count−1, with
/// d = max − floor and each offset rounded to two significant digits.
public enum ContourLevels: Sendable, Equatable {
    /// About `count` nice, evenly spaced levels strictly between min and max.
    case linear(count: Int)
    /// `count` geometric levels above `floor` (nil: the grid minimum) over `decades` decades.
    case logSpaced(count: Int, floor: Double? = nil, decades: Double = 5)
    /// Log-spaced when the values are heavily skewed towards the minimum, else linear.
    case automatic(count: Int)
    /// Exactly these levels.
    case values([Double])

    /// The levels for the values in `grid`.
    public func levels(for grid: ScalarGrid) -> [Double] {
        guard let (low, high) = grid.finiteRange, high > low else {
            if case let .values(levels) = self { return levels }
            return []
        }
        switch self {
        case let .linear(count):
            return ContourLevels.linearLevels(min: low, max: high, count: count)
        case let .logSpaced(count, floor, decades):
            return ContourLevels.logLevels(floor: Swift.min(floor ?? low, low), max: high,
                                           count: count, decades: decades)
        case let .automatic(count):
            let offsets = grid.values.filter(\.isFinite).map { $0 - low }.sorted()
            let median = offsets[offsets.count / 2]
            let lowQuantile = offsets[offsets.count / 100]
            let span = high - low
            guard median > 0, span / median > 8 else {
                return ContourLevels.linearLevels(min: low, max: high, count: count)
            }
            let reach = lowQuantile > 0 ? log10(span / lowQuantile) + 1 : 6
            return ContourLevels.logLevels(floor: low, max: high, count: count,
                                           decades: Swift.min(Swift.max(reach, 2), 6))
        case let .values(levels):
            return levels.filter(\.isFinite).sorted()
        }
    }

    /// Nice 1-2-5 levels strictly inside (min, max), about `count` of them.
    public static func linearLevels(min: Double, max: Double, count: Int) -> [Double] {
        NiceTicks.linear(min, max, targetCount: Swift.max(count, 1) + 1).filter { $0 > min && $0 < max }
    }

    /// Geometric offsets above `floor`, from (max − floor)·10^(−decades) up to just below max.
    public static func logLevels(floor: Double, max: Double, count: Int, decades: Double) -> [Double] {
        let span = max - floor
        guard span > 0, span.isFinite, count >= 1, decades > 0 else { return [] }
        var levels: [Double] = []
        for k in 0..<count {
            let offset = span * pow(10, -decades * (1 - Double(k) / Double(count)))
            let level = floor + roundedToTwoDigits(offset)
            if level > floor && level < max && levels.last != level { levels.append(level) }
        }
        return levels
    }

    static func roundedToTwoDigits(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return value }
        let exponent = Int(Foundation.floor(log10(value))) - 1
        let unit = TickStep.powerOfTen(Swift.abs(exponent))
        return exponent >= 0 ? (value / unit).rounded() * unit : (value * unit).rounded() / unit
    }
}
