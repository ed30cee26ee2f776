import Foundation

/// One contour line: the level f = c and the polyline along it as `[[x, y]]` in data
/// coordinates. A closed ring repeats its first point at the end. Codable, so a web page can
/// draw the same lines from JSON: `{"level": 0.5, "points": [[1, 2], [1.5, 2.25]]}`.
public struct ContourLine: Sendable, Codable, Equatable {
    public var level: Double
    public var points: [[Double]]

    public init(level: Double, points: [[Double]]) {
        self.level = level
        self.points = points
    }

    /// True when the line ends where it starts (a ring around a minimum or maximum).
    public var isClosed: Bool { points.count > 2 && points.first == points.last }

    /// The points as `PlotPoint`s (entries with fewer than two numbers are skipped).
    public var plotPoints: [PlotPoint] {
        points.compactMap { $0.count >= 2 ? PlotPoint($0[0], $0[1]) : nil }
    }

    /// The same line with coordinates rounded to `decimals` places (smaller JSON for a page).
    public func rounded(decimals: Int) -> ContourLine {
        let scale = pow(10.0, Double(min(max(decimals, 0), 15)))
        return ContourLine(level: level, points: points.map { $0.map { ($0 * scale).rounded() / scale } })
    }
}
