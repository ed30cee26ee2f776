/// Constructors for the shapes charts draw, with coordinates written compactly.
extension SVGElement {
    private static func n(_ value: Double) -> String { CompactNumber.format(value) }

    /// A rectangle; `stroke == nil` means no outline.
    public static func rect(_ r: PlotRect, fill: String, stroke: String?, strokeWidth: Double = 1,
                            extra: [(String, String)] = []) -> SVGElement {
        var attributes = [("x", n(r.x)), ("y", n(r.y)), ("width", n(max(r.width, 0))),
                          ("height", n(max(r.height, 0))), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", n(strokeWidth))] }
        return SVGElement("rect", attributes + extra)
    }

    /// A straight line segment.
    public static func line(from a: PlotPoint, to b: PlotPoint, stroke: String,
                            width: Double = 1, extra: [(String, String)] = []) -> SVGElement {
        SVGElement("line", [("x1", n(a.x)), ("y1", n(a.y)), ("x2", n(b.x)), ("y2", n(b.y)),
                            ("stroke", stroke), ("stroke-width", n(width))] + extra)
    }

    /// A circle; `stroke == nil` means no outline.
    public static func circle(center: PlotPoint, radius: Double, fill: String, stroke: String?,
                              strokeWidth: Double = 1) -> SVGElement {
        var attributes = [("cx", n(center.x)), ("cy", n(center.y)), ("r", n(radius)), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", n(strokeWidth))] }
        return SVGElement("circle", attributes)
    }

    /// An unfilled path through `pieces` (each piece a polyline started with `M`).
    /// Returns nil when there is nothing to draw.
    public static func polylines(_ pieces: [[PlotPoint]], stroke: String, width: Double,
                                 extra: [(String, String)] = []) -> SVGElement? {
        let data = pathData(pieces)
        guard !data.isEmpty else { return nil }
        return SVGElement("path", [("d", data), ("fill", "none"), ("stroke", stroke),
                                   ("stroke-width", n(width)), ("stroke-linejoin", "round"),
                                   ("stroke-linecap", "round")] + extra)
    }

    /// SVG path data `M x y L x y …` for the pieces with at least two points.
    public static func pathData(_ pieces: [[PlotPoint]]) -> String {
        var data = ""
        for piece in pieces where piece.count >= 2 {
            for (index, point) in piece.enumerated() {
                if !data.isEmpty && index == 0 { data += " " }
                data += (index == 0 ? "M" : "L") + n(point.x) + " " + n(point.y)
            }
        }
        return data
    }

    /// A text label. `anchor` is `start`, `middle` or `end`; `rotation` in degrees turns the
    /// label about its anchor point (−90 for a vertical axis label).
    public static func text(_ string: String, at p: PlotPoint, size: Double, color: String,
                            anchor: String = "start", weight: String? = nil,
                            rotation: Double = 0) -> SVGElement {
        var attributes = [("x", n(p.x)), ("y", n(p.y)), ("font-size", n(size)),
                          ("fill", color), ("text-anchor", anchor)]
        if let weight { attributes.append(("font-weight", weight)) }
        if rotation != 0 {
            attributes.append(("transform", "rotate(\(n(rotation)) \(n(p.x)) \(n(p.y)))"))
        }
        return SVGElement("text", attributes, text: string)
    }

    /// A group of elements sharing attributes (e.g. a `clip-path`).
    public static func group(_ attributes: [(String, String)] = [], _ children: [SVGElement]) -> SVGElement {
        SVGElement("g", attributes, children: children)
    }
}
