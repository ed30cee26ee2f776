import Foundation

/// What the caller says about one axis: its label, its scale and, optionally, a fixed domain.
///
/// Without a domain the chart takes the range of its data (and, on a linear value axis, widens
/// it to the next nice ticks).
public struct Axis: Sendable, Equatable {
    /// The axis title, e.g. "iteration" or "loss".
    public var label: String
    /// Linear or log10.
    public var scale: ScaleKind
    /// A fixed domain, or nil to fit the data.
    public var domain: ClosedRange<Double>?

    public init(_ label: String = "", scale: ScaleKind = .linear, domain: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.domain = domain
    }
}

/// How a domain fitted to data is widened.
public enum DomainPadding: Sendable, Equatable {
    /// Exactly the data range.
    case none
    /// Out to the next nice tick (linear) or by 4 % of the span in log space (log).
    case nice
    /// By this fraction of the span on each side (in log space on log axes).
    case fraction(Double)
}

extension Axis {
    /// The domain to draw: the fixed one when usable, else the range of the finite (and, on a
    /// log axis, positive) `data`, padded; never empty, never non-finite.
    public func resolvedDomain(data: [Double], padding: DomainPadding) -> (Double, Double) {
        let usable = data.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite,
           scale == .linear || domain.lowerBound > 0 {
            return widenDegenerate(domain.lowerBound, domain.upperBound)
        }
        guard let low = usable.min(), let high = usable.max() else {
            return scale == .linear ? (0, 1) : (1, 10)
        }
        let (lo, hi) = widenDegenerate(low, high)
        switch (padding, scale) {
        case (.none, _):
            return (lo, hi)
        case (.nice, .linear):
            return NiceTicks.niceDomain(lo, hi, targetCount: 5)
        case (.nice, .log10):
            return padLog(lo, hi, fraction: 0.04)
        case (.fraction(let f), .linear):
            let pad = (hi - lo) * f
            return (lo - pad, hi + pad)
        case (.fraction(let f), .log10):
            return padLog(lo, hi, fraction: f)
        }
    }

    private func widenDegenerate(_ lo: Double, _ hi: Double) -> (Double, Double) {
        guard hi <= lo else { return (lo, hi) }
        switch scale {
        case .linear:
            let half = lo == 0 ? 1 : abs(lo) * 0.1
            return (lo - half, hi + half)
        case .log10:
            return (lo / 3.1622776601683795, hi * 3.1622776601683795)
        }
    }

    private func padLog(_ lo: Double, _ hi: Double, fraction: Double) -> (Double, Double) {
        let a = log10(lo), b = log10(hi)
        let pad = max((b - a) * fraction, 0.02)
        return (pow(10, a - pad), pow(10, b + pad))
    }
}
