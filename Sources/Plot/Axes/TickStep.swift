import Foundation

/// A "nice" tick step m·10ᵉ with m ∈ {1, 2, 5}: the steps people read without effort.
///
/// Tick values are computed as i·m·10ᵉ with integer i, dividing by 10⁻ᵉ for negative e, so
/// 3 × 0.1 is written 0.3 and not 0.30000000000000004.
public struct TickStep: Sendable, Equatable {
    /// 1, 2 or 5.
    public let mantissa: Int
    /// The power of ten.
    public let exponent: Int

    public init(mantissa: Int, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The step for about `targetCount` intervals over `span` (d3's rule: round the raw step
    /// span/targetCount up to 2× or 5× at the geometric midpoints √2, √10, √50).
    public init(span: Double, targetCount: Int) {
        let raw = abs(span) / Double(max(targetCount, 1))
        guard raw.isFinite, raw > 0 else {
            self.init(mantissa: 1, exponent: 0)
            return
        }
        var exponent = Int(floor(Foundation.log10(raw)))
        let error = raw / TickStep.powerOfTen(exponent)
        var mantissa = 1
        if error >= sqrt(50.0) {
            exponent += 1
        } else if error >= sqrt(10.0) {
            mantissa = 5
        } else if error >= sqrt(2.0) {
            mantissa = 2
        }
        self.init(mantissa: mantissa, exponent: exponent)
    }

    /// The step as a number.
    public var value: Double { multiple(1) }

    /// i · step, computed without accumulating rounding error.
    public func multiple(_ i: Int) -> Double {
        let whole = Double(i * mantissa)
        return exponent >= 0 ? whole * TickStep.powerOfTen(exponent)
                             : whole / TickStep.powerOfTen(-exponent)
    }

    /// 10ᵏ as the nearest double (exact for 0 ≤ k ≤ 22).
    public static func powerOfTen(_ k: Int) -> Double {
        Double("1e\(k)") ?? pow(10, Double(k))
    }
}
