/// Values of f(x, y) sampled on a regular grid over a window: the input of marching squares.
///
/// `values[j * columns + i] = f(xs[i], ys[j])`, with xs and ys evenly spaced and including
/// both ends of their ranges.
public struct ScalarGrid: Sendable, Codable, Equatable {
    public let xs: [Double]
    public let ys: [Double]
    public let values: [Double]

    /// Samples `function` on `columns` × `rows` points spanning the window.
    ///
    /// - Throws: `PlotError.invalidArgument` for fewer than 2 samples per side, more than
    ///   4 000 000 samples, or ranges that are empty or not finite.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int,
                function: (Double, Double) -> Double) throws {
        for (name, count) in [("columns", columns), ("rows", rows)] where count < 2 {
            throw PlotError.invalidArgument(name: name, value: String(count), allowed: "must be at least 2")
        }
        guard columns * rows <= 4_000_000 else {
            throw PlotError.invalidArgument(name: "columns × rows", value: "\(columns) × \(rows)",
                                            allowed: "at most 4000000 samples")
        }
        for (name, range) in [("x", x), ("y", y)]
        where !(range.lowerBound.isFinite && range.upperBound.isFinite && range.upperBound > range.lowerBound) {
            throw PlotError.invalidArgument(name: "\(name) range", value: "\(range.lowerBound)...\(range.upperBound)",
                                            allowed: "finite bounds with lower < upper")
        }
        func spaced(_ range: ClosedRange<Double>, _ count: Int) -> [Double] {
            let step = (range.upperBound - range.lowerBound) / Double(count - 1)
            return (0..<count).map { $0 == count - 1 ? range.upperBound : range.lowerBound + Double($0) * step }
        }
        let xs = spaced(x, columns), ys = spaced(y, rows)
        var values: [Double] = []
        values.reserveCapacity(columns * rows)
        for yj in ys { for xi in xs { values.append(function(xi, yj)) } }
        self.xs = xs
        self.ys = ys
        self.values = values
    }

    public var columns: Int { xs.count }
    public var rows: Int { ys.count }

    /// f(xs[i], ys[j]).
    public func value(_ i: Int, _ j: Int) -> Double { values[j * xs.count + i] }

    /// The smallest and largest finite values, or nil when none is finite.
    public var finiteRange: (min: Double, max: Double)? {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            low = Swift.min(low, v)
            high = Swift.max(high, v)
        }
        return low <= high ? (low, high) : nil
    }
}
