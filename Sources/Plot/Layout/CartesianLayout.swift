/// Axes plus a legend placed where it hides no data.
///
/// With `.automatic`, the four inside corners are tried (top right, top left, bottom right,
/// bottom left); the first whose box touches no obstacle wins. If every corner covers data the
/// legend goes outside: to the right when the plot keeps at least 55 % of the panel width,
/// else below in as many columns as fit when the plot keeps 55 % of the height, else into
/// the least covered corner.
public struct CartesianLayout: Sendable {
    public let axes: AxesFrame
    /// The legend as laid out (its columns may have changed), nil when there is none.
    public let legend: Legend?
    /// Top-left corner of the legend box, nil when there is no legend.
    public let legendOrigin: PlotPoint?

    /// - Parameter obstacles: the chart's data in pixels for given axes (polylines; single
    ///   points as one-element arrays), evaluated for the inside layout.
    public static func place(frame: PlotRect, title: String?, x: Axis, y: Axis,
                             xDomain: (Double, Double), yDomain: (Double, Double),
                             xTicks: TickSet? = nil, legend: Legend?, placement: LegendPlacement,
                             theme: Theme, obstacles: (AxesFrame) -> [[PlotPoint]]) -> CartesianLayout {
        func axes(right: Double = 0, bottom: Double = 0) -> AxesFrame {
            AxesFrame(frame: frame, title: title, x: x, y: y, xDomain: xDomain, yDomain: yDomain,
                      rightReserve: right, bottomReserve: bottom, xTicks: xTicks, theme: theme)
        }
        guard let legend, !legend.entries.isEmpty, placement != .hidden else {
            return CartesianLayout(axes: axes(), legend: nil, legendOrigin: nil)
        }
        let (w, _) = legend.size
        func outsideRight() -> CartesianLayout {
            let narrowed = axes(right: w + 14)
            return CartesianLayout(axes: narrowed, legend: legend,
                                   legendOrigin: PlotPoint(narrowed.plotArea.maxX + 12, narrowed.plotArea.minY))
        }
        let strip = legend.flowing(within: frame.width - 24)
        func outsideBottom() -> CartesianLayout {
            let (sw, sh) = strip.size
            let lowered = axes(bottom: sh + 6)
            let left = min(max(lowered.plotArea.midX - sw / 2, frame.minX + 8), frame.maxX - sw - 8)
            return CartesianLayout(axes: lowered, legend: strip,
                                   legendOrigin: PlotPoint(left, frame.maxY - sh - 8))
        }
        let inside = axes()
        func corner(_ corner: LegendPlacement) -> CartesianLayout {
            let box = legend.box(in: inside.plotArea, corner: corner)
            return CartesianLayout(axes: inside, legend: legend, legendOrigin: PlotPoint(box.x, box.y))
        }
        switch placement {
        case .outsideRight: return outsideRight()
        case .outsideBottom: return outsideBottom()
        case .topLeft, .topRight, .bottomLeft, .bottomRight: return corner(placement)
        case .automatic, .hidden:   // .hidden has returned above
            let corners: [LegendPlacement] = [.topRight, .topLeft, .bottomRight, .bottomLeft]
            let data = obstacles(inside)
            let counts = corners.map { corner in
                coveredCount(legend.box(in: inside.plotArea, corner: corner).insetBy(-4), data)
            }
            let best = counts.indices.min { counts[$0] < counts[$1] } ?? 0
            let box = legend.box(in: inside.plotArea, corner: corners[best])
            let fits = box.width <= inside.plotArea.width * 0.6 && box.height <= inside.plotArea.height * 0.85
            if counts[best] == 0 && fits { return corner(corners[best]) }
            if inside.plotArea.width - w - 14 >= frame.width * 0.55 { return outsideRight() }
            if inside.plotArea.height - strip.size.height - 6 >= frame.height * 0.55 { return outsideBottom() }
            return corner(corners[best])
        }
    }

    /// How many points and segments of `data` touch `box`.
    public static func coveredCount(_ box: PlotRect, _ data: [[PlotPoint]]) -> Int {
        var count = 0
        for line in data {
            if line.count == 1 {
                if box.contains(line[0]) { count += 1 }
                continue
            }
            for (a, b) in zip(line, line.dropFirst()) where PolylineClipper.segmentTouches(a, b, box) {
                count += 1
            }
        }
        return count
    }
}
