import Foundation

/// The ticks of one axis: labelled major ticks, unlabelled minor ticks, and how labels are set.
public struct TickSet: Sendable, Equatable {
    /// Positions (data values) of labelled ticks.
    public var major: [Double]
    /// The label of each major tick.
    public var labels: [String]
    /// Positions of short unlabelled ticks (log axes: 2…9 × 10ᵏ).
    public var minor: [Double]
    /// Whether grid lines are drawn at the major ticks.
    public var gridLines: Bool
    /// Whether labels are turned 35° (long category names on a bar chart).
    public var rotatedLabels: Bool

    public init(major: [Double], labels: [String], minor: [Double] = [],
                gridLines: Bool = true, rotatedLabels: Bool = false) {
        self.major = major
        self.labels = labels
        self.minor = minor
        self.gridLines = gridLines
        self.rotatedLabels = rotatedLabels
    }

    /// Ticks for a horizontal (`horizontal == true`) or vertical axis of `length` pixels,
    /// as many as fit without labels touching.
    public static func automatic(scale: ScaleKind, domain: (Double, Double), length: Double,
                                 horizontal: Bool, theme: Theme) -> TickSet {
        let (lo, hi) = domain
        switch scale {
        case .linear:
            var target = min(max(Int(length / (horizontal ? 75 : 50)), 2), 10)
            while true {
                let ticks = NiceTicks.linear(lo, hi, targetCount: target)
                let step = TickStep(span: hi - lo, targetCount: target)
                let labels = ticks.map { TickFormat.linear($0, step: step) }
                let spacing = length * step.value / (hi - lo)
                let needed = horizontal
                    ? (labels.map { theme.textWidth($0, fontSize: theme.tickFontSize) }.max() ?? 0) + 12
                    : theme.tickFontSize + 8
                if spacing >= needed || target <= 2 { return TickSet(major: ticks, labels: labels) }
                target -= 1
            }
        case .log10:
            let decades = log10(hi) - log10(lo)
            let slot = horizontal ? 5.5 * theme.tickFontSize * theme.glyphWidth + 12 : theme.tickFontSize + 8
            let maxMajor = max(2, Int(length / slot))
            let minorAllowed = decades > 0 && length / decades >= 36
            let ticks = NiceTicks.log(lo, hi, maxMajor: maxMajor, minorAllowed: minorAllowed)
            let isDecadeOrOneTwoFive = ticks.major.allSatisfy { value in
                let m = value / TickStep.powerOfTen(Int(floor(log10(value) + 1e-9)))
                return [1.0, 2.0, 5.0].contains { abs(m - $0) < 1e-9 }
            }
            let labels: [String]
            if isDecadeOrOneTwoFive {
                labels = ticks.major.map(TickFormat.log)
            } else {
                let step = TickStep(span: hi - lo, targetCount: min(maxMajor, 5))
                labels = ticks.major.map { TickFormat.linear($0, step: step) }
            }
            return TickSet(major: ticks.major, labels: labels, minor: ticks.minor)
        }
    }
}
