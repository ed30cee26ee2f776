import Foundation

/// Writes coordinates compactly: at most two decimals, no trailing zeros, no `-0`.
///
/// Two decimals is a hundredth of a pixel, well below what any renderer shows, and keeps
/// documents small and snapshot diffs readable (`12.5`, not `12.500000000001`).
public enum CompactNumber {
    /// Formats `value` rounded to `decimals` places (0…6), trimming trailing zeros.
    /// Non-finite values are written as `0` (callers clip geometry before writing it).
    public static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let places = min(max(decimals, 0), 6)
        let scale = pow(10.0, Double(places))
        let scaled = (value * scale).rounded()
        if scaled == 0 { return "0" }
        guard abs(scaled) < 9.0e15 else { return String(format: "%.\(places)f", value) }
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let unit = Int64(scale)
        let whole = magnitude / unit
        var fraction = magnitude % unit
        var text = (negative ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = places
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }
}
