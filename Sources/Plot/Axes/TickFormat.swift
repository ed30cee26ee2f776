import Foundation

/// Tick labels without float noise: `0.1`, not `0.1000000001`; `1e-4` on log axes.
///
/// Linear labels use exactly as many decimals as the tick step needs. Very large or very small
/// magnitudes (|v| ≥ 10⁶, or steps below 10⁻⁴) switch to `2.5e-5` style. Signs are the ASCII
/// hyphen-minus, matching the numbers callers write in legend labels (`f=1.2e-4`).
public enum TickFormat {
    /// The minus sign used in labels.
    public static let minus = "-"

    /// The label of `value` on a linear axis whose ticks are `step` apart.
    public static func linear(_ value: Double, step: TickStep) -> String {
        guard value.isFinite else { return String(describing: value) }
        if abs(value) < step.value * 1e-6 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || step.exponent <= -5 {
            let exponent = Int(floor(Foundation.log10(magnitude)))
            let digits = max(0, exponent - step.exponent)
            return scientific(value, exponent: exponent, digits: digits)
        }
        return signed(String(format: "%.\(max(0, -step.exponent))f", magnitude), negative: value < 0)
    }

    /// The label of `value` on a log axis: plain for 0.01 … 100, `1e-4` / `2e5` style beyond.
    public static func log(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return String(describing: value) }
        let exponent = Int(floor(Foundation.log10(value) + 1e-9))
        if exponent >= -2 && exponent <= 2 { return compact(value, significant: 3) }
        return scientific(value, exponent: exponent, digits: 2)
    }

    /// `value` with at most `significant` significant digits and no trailing zeros, switching to
    /// exponent notation outside 10⁻³ … 10⁶ (e.g. `0.25`, `1200`, `1.2e-4`). Handy for legend text.
    public static func compact(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "\(minus)inf") }
        if value == 0 { return "0" }
        let digits = max(1, significant)
        let exponent = Int(floor(Foundation.log10(abs(value))))
        if exponent < -3 || exponent >= 6 {
            return scientific(value, exponent: exponent, digits: digits - 1)
        }
        let decimals = max(0, digits - 1 - exponent)
        return signed(trimZeros(String(format: "%.\(decimals)f", abs(value))), negative: value < 0)
    }

    /// m·10^e written as `m e e` with at most `digits` decimals in m, trailing zeros trimmed.
    static func scientific(_ value: Double, exponent: Int, digits: Int) -> String {
        var e = exponent
        var mantissa = abs(value) / TickStep.powerOfTen(e)
        var text = trimZeros(String(format: "%.\(min(max(digits, 0), 12))f", mantissa))
        if text.hasPrefix("10") {            // 9.99… rounded up to 10
            e += 1
            mantissa /= 10
            text = trimZeros(String(format: "%.\(min(max(digits, 0), 12))f", mantissa))
        }
        let exponentText = e < 0 ? minus + String(-e) : String(e)
        return signed(text + "e" + exponentText, negative: value < 0)
    }

    static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }

    static func signed(_ text: String, negative: Bool) -> String {
        negative && text != "0" ? minus + text : text
    }
}
