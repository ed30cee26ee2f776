import Foundation
import Optimizers
import Plot

/// Number formats of the printed lines and tables.
public enum LabFormat {
    /// Python's `f'{x:f}'` (C's `%f`): six decimals, e.g. `-0.943467`, `-1673.365109`.
    public static func fixed(_ x: Double, decimals: Int = 6) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        return String(format: "%.\(decimals)f", x)
    }

    /// Three significant digits, exponent notation for extremes: `0.0136`, `1.2e-4`, `5.6e6`.
    public static func compact(_ x: Double) -> String { TickFormat.compact(x) }

    /// A point as `(-0.943467, -0.000073)`.
    public static func point(_ p: [Double]) -> String {
        "(" + p.map { fixed($0) }.joined(separator: ", ") + ")"
    }

    /// A point as a JSON array.
    static func json(_ p: [Double]) -> JSONValue { .array(p.map(JSONValue.number)) }
}
