/// Cuts polylines to a rectangle so no huge or non-finite coordinate reaches the document.
///
/// A nil point (NaN, ±∞, a non-positive value on a log axis) breaks the line. Each segment is
/// clipped with the Liang–Barsky test: for p(t) = a + t(b − a), t ∈ [0, 1], keep the interval
/// where every edge inequality pₖ·t ≤ qₖ holds. A segment that leaves and re-enters the
/// rectangle becomes two pieces.
public enum PolylineClipper {
    /// The visible pieces of the polyline through `points`, each with at least two points.
    public static func clip(_ points: [PlotPoint?], to rect: PlotRect) -> [[PlotPoint]] {
        var pieces: [[PlotPoint]] = []
        var current: [PlotPoint] = []
        func flush() {
            if current.count >= 2 { pieces.append(current) }
            current = []
        }
        var previous: PlotPoint?
        for point in points {
            guard let point, point.isFinite else {
                flush()
                previous = nil
                continue
            }
            defer { previous = point }
            guard let start = previous else { continue }
            guard let (a, b) = clipSegment(start, point, to: rect) else {
                flush()
                continue
            }
            if let last = current.last, last == a {
                current.append(b)
            } else {
                flush()
                current = [a, b]
            }
            if b != point { flush() }
        }
        flush()
        return pieces
    }

    /// The part of segment a→b inside `rect`, or nil when it misses the rectangle.
    public static func clipSegment(_ a: PlotPoint, _ b: PlotPoint, to rect: PlotRect) -> (PlotPoint, PlotPoint)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        let edges: [(Double, Double)] = [
            (-dx, a.x - rect.minX), (dx, rect.maxX - a.x),
            (-dy, a.y - rect.minY), (dy, rect.maxY - a.y),
        ]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return nil }; if t > t0 { t0 = t } }
                else { if t < t0 { return nil }; if t < t1 { t1 = t } }
            }
        }
        let start = t0 == 0 ? a : PlotPoint(a.x + t0 * dx, a.y + t0 * dy)
        let end = t1 == 1 ? b : PlotPoint(a.x + t1 * dx, a.y + t1 * dy)
        return (start, end)
    }

    /// True when segment a→b touches `rect` (used to count what a legend would cover).
    public static func segmentTouches(_ a: PlotPoint, _ b: PlotPoint, _ rect: PlotRect) -> Bool {
        clipSegment(a, b, to: rect) != nil
    }
}
