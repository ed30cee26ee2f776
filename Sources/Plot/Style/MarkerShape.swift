import Foundation

/// Point markers: start (open circle), end (filled square), minima (star or cross), steps (dot).
public enum MarkerShape: String, Sendable, Codable, CaseIterable {
    case circle, square, star, cross, dot, diamond

    /// The marker centred on `center`; `size` is the half-width in pixels. Open shapes get a
    /// white fill so the line underneath does not show through.
    public func element(at center: PlotPoint, size: Double, color: String, filled: Bool) -> SVGElement {
        let fill = filled ? color : "#ffffff"
        switch self {
        case .circle:
            return .circle(center: center, radius: size, fill: fill, stroke: color, strokeWidth: 1.6)
        case .dot:
            return .circle(center: center, radius: size, fill: color, stroke: nil)
        case .square:
            let r = PlotRect(x: center.x - size, y: center.y - size, width: 2 * size, height: 2 * size)
            return .rect(r, fill: fill, stroke: color, strokeWidth: 1.4)
        case .diamond:
            return polygon([(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)], center, size, fill, color)
        case .star:
            let points = (0..<10).map { k -> (Double, Double) in
                let angle = -Double.pi / 2 + Double(k) * Double.pi / 5
                let radius = k % 2 == 0 ? 1.5 : 0.62
                return (radius * cos(angle), radius * sin(angle))
            }
            return polygon(points, center, size, filled ? color : "#ffffff", color)
        case .cross:
            let d = size
            let data = "M\(n(center.x - d)) \(n(center.y - d))L\(n(center.x + d)) \(n(center.y + d))"
                + "M\(n(center.x - d)) \(n(center.y + d))L\(n(center.x + d)) \(n(center.y - d))"
            return SVGElement("path", [("d", data), ("fill", "none"), ("stroke", color),
                                       ("stroke-width", "2.2"), ("stroke-linecap", "round")])
        }
    }

    private func polygon(_ unit: [(Double, Double)], _ c: PlotPoint, _ size: Double,
                         _ fill: String, _ stroke: String) -> SVGElement {
        let points = unit.map { n(c.x + $0.0 * size) + "," + n(c.y + $0.1 * size) }.joined(separator: " ")
        return SVGElement("polygon", [("points", points), ("fill", fill), ("stroke", stroke),
                                      ("stroke-width", "1.2"), ("stroke-linejoin", "round")])
    }

    private func n(_ v: Double) -> String { CompactNumber.format(v) }
}
