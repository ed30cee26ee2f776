/// A test function of ../shared/spec/functions.md: value and analytic gradient, default start,
/// plotting window and known minima. One- or two-dimensional.
public struct TestFunction: Sendable {
    public let name: String
    /// The formula as text (Unicode), for legends and the web page.
    public let formula: String
    public let dimension: Int
    public let defaultStart: [Double]
    /// The view window: x range, and y range for 2-D functions.
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>?
    /// Known global minima (positions); empty when there is none (the saddle).
    public let minima: [[Double]]
    /// Whether contour levels should be log-spaced (ranges over several decades).
    public let logLevels: Bool
    let f: @Sendable ([Double]) -> Double
    let df: @Sendable ([Double]) -> [Double]

    /// f at `x` (of length `dimension`).
    public func value(_ x: [Double]) -> Double { f(x) }
    /// The analytic gradient at `x`.
    public func gradient(_ x: [Double]) -> [Double] { df(x) }
    /// f(x, y) for contour plots of 2-D functions.
    public func value(x: Double, y: Double) -> Double { f([x, y]) }

    /// The function by its command-line name.
    public static func named(_ name: String) throws -> TestFunction {
        guard let fn = all.first(where: { $0.name == name.lowercased() }) else {
            throw TraceError.invalid(field: "function", value: name, allowed: all.map(\.name).joined(separator: ", "))
        }
        return fn
    }
}
