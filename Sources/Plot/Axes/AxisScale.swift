import Foundation

/// How data values are spread along an axis.
public enum ScaleKind: String, Sendable, Codable, CaseIterable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios; non-positive values cannot be shown.
    case log10
}

/// Maps data values in `domain` onto pixels in `range` (linearly, or linearly in log10).
///
/// pixel = range.lower + (t(v) − t(d₀)) / (t(d₁) − t(d₀)) · (range.upper − range.lower),
/// with t(v) = v (linear) or log10 v (log). `range` may run backwards (y axes grow upwards).
public struct AxisScale: Sendable, Equatable {
    public let kind: ScaleKind
    public let domainLower: Double
    public let domainUpper: Double
    public let rangeStart: Double
    public let rangeEnd: Double

    /// Creates a scale; the domain must be finite with lower < upper (positive for log).
    public init(kind: ScaleKind, domain: (Double, Double), range: (Double, Double)) {
        self.kind = kind
        self.domainLower = domain.0
        self.domainUpper = domain.1
        self.rangeStart = range.0
        self.rangeEnd = range.1
    }

    /// The value in transformed space (itself, or its log10); nil when it cannot be shown.
    public func transform(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch kind {
        case .linear: return value
        case .log10: return value > 0 ? Foundation.log10(value) : nil
        }
    }

    /// The pixel position of `value`, or nil for NaN, ±∞ and non-positive values on a log scale.
    public func pixel(_ value: Double) -> Double? {
        guard let t = transform(value), let t0 = transform(domainLower),
              let t1 = transform(domainUpper), t1 != t0 else { return nil }
        let p = rangeStart + (t - t0) / (t1 - t0) * (rangeEnd - rangeStart)
        return p.isFinite ? p : nil
    }

    /// The data value at pixel `p` (inverse of `pixel`).
    public func value(atPixel p: Double) -> Double {
        let t0 = transform(domainLower) ?? 0, t1 = transform(domainUpper) ?? 1
        let t = t0 + (p - rangeStart) / (rangeEnd - rangeStart) * (t1 - t0)
        return kind == .linear ? t : pow(10, t)
    }
}
