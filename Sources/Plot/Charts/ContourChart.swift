/// Contour lines of a 2-D function with optimizer paths on top: the classic picture of how
/// each optimizer walks down a landscape.
///
/// Contours are drawn thin in a light sequential ramp (low levels blue-green, high levels sand),
/// paths solid in the categorical palette with a dot per step, an open circle at the start,
/// a filled square at the end, and known minima as stars. Everything is clipped to the window.
public struct ContourChart: Chart {
    public var title: String?
    /// Axes; their domains are the window.
    public var x: Axis
    public var y: Axis
    public var contours: [ContourLine]
    public var paths: [PathSeries]
    public var minima: [PlotPoint]
    public var legendPlacement: LegendPlacement
    /// Adds legend rows explaining the start, end and minimum markers.
    public var explainMarkers: Bool

    /// A chart over precomputed contour lines (e.g. sent to a web page as JSON as well).
    public init(title: String? = nil, x: ClosedRange<Double>, y: ClosedRange<Double>,
                contours: [ContourLine], paths: [PathSeries] = [], minima: [PlotPoint] = [],
                xLabel: String = "x", yLabel: String = "y",
                legendPlacement: LegendPlacement = .automatic, explainMarkers: Bool = true) {
        self.title = title
        self.x = Axis(xLabel, domain: x)
        self.y = Axis(yLabel, domain: y)
        self.contours = contours
        self.paths = paths
        self.minima = minima
        self.legendPlacement = legendPlacement
        self.explainMarkers = explainMarkers
    }

    /// Samples `function` on a `resolution` × `resolution` grid over the window and traces the
    /// chosen levels with marching squares.
    ///
    /// - Throws: `PlotError.invalidArgument` for a resolution below 2 or an empty window.
    public init(title: String? = nil, function: (Double, Double) -> Double,
                x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 121,
                levels: ContourLevels = .automatic(count: 18), paths: [PathSeries] = [],
                minima: [PlotPoint] = [], xLabel: String = "x", yLabel: String = "y") throws {
        let lines = try MarchingSquares.contours(of: function, x: x, y: y, resolution: resolution, levels: levels)
        self.init(title: title, x: x, y: y, contours: lines, paths: paths, minima: minima,
                  xLabel: xLabel, yLabel: yLabel)
    }

    func pathColor(_ index: Int) -> String { Palette.color(paths[index].colorIndex ?? index) }

    func legend(theme: Theme) -> Legend {
        var entries = paths.indices.map { i in
            LegendEntry(paths[i].label, paths[i].showSteps
                ? .lineAndMarker(color: pathColor(i), width: 2, marker: .dot, filled: true)
                : .line(color: pathColor(i), width: 2))
        }
        if explainMarkers && !paths.isEmpty {
            entries.append(LegendEntry("start", .marker(.circle, color: "#555555", filled: false)))
            entries.append(LegendEntry("end", .marker(.square, color: "#555555", filled: true)))
        }
        if explainMarkers && !minima.isEmpty {
            entries.append(LegendEntry(minima.count == 1 ? "minimum" : "minima",
                                       .marker(.star, color: "#222222", filled: true)))
        }
        return Legend(entries: entries, theme: theme)
    }

    public func draw(in frame: PlotRect, on canvas: inout SVGCanvas) {
        let theme = canvas.theme
        let legend = legend(theme: theme)
        let xDomain = x.resolvedDomain(data: [], padding: .none)
        let yDomain = y.resolvedDomain(data: [], padding: .none)
        let layout = CartesianLayout.place(
            frame: frame, title: title, x: x, y: y, xDomain: xDomain, yDomain: yDomain,
            legend: legend, placement: legendPlacement, theme: theme
        ) { axes in
            paths.flatMap { axes.pixelPieces($0.points) + $0.points.compactMap { axes.pixel($0) }.map { [$0] } }
                + minima.compactMap { axes.pixel($0) }.map { [$0] }
        }
        let axes = layout.axes
        axes.drawClipped(on: &canvas, contourElements(axes), class: "contours")
        axes.drawClipped(on: &canvas, pathElements(axes), class: "paths")
        axes.drawFrame(on: &canvas)
        let markers = markerElements(axes)
        if !markers.isEmpty { canvas.add(.group([("class", "markers")], markers)) }
        if let origin = layout.legendOrigin, let placed = layout.legend { placed.draw(at: origin, on: &canvas) }
    }

    /// One `<path>` per level, coloured by the level's rank so log-spaced levels spread
    /// evenly over the ramp.
    func contourElements(_ axes: AxesFrame) -> [SVGElement] {
        let levels = Array(Set(contours.map(\.level))).sorted()
        let rank = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        var byLevel: [Double: [[PlotPoint]]] = [:]
        for line in contours { byLevel[line.level, default: []] += axes.pixelPieces(line.plotPoints) }
        return levels.compactMap { level in
            let t = levels.count > 1 ? Double(rank[level]!) / Double(levels.count - 1) : 0.5
            return SVGElement.polylines(byLevel[level] ?? [], stroke: ColorRamp.color(at: t), width: 1)
        }
    }

    func pathElements(_ axes: AxesFrame) -> [SVGElement] {
        var elements: [SVGElement] = []
        for (index, path) in paths.enumerated() {
            let color = pathColor(index)
            if let line = SVGElement.polylines(axes.pixelPieces(path.points), stroke: color, width: 1.8) {
                elements.append(line)
            }
            if path.showSteps {
                elements += path.points.compactMap { axes.visiblePixel($0, margin: 3) }
                    .map { MarkerShape.dot.element(at: $0, size: 1.8, color: color, filled: true) }
            }
        }
        return elements
    }

    /// Start, end and minimum markers, drawn above the frame (unclipped) so a start on the
    /// window's border shows whole; markers whose centre is outside the window are left out.
    func markerElements(_ axes: AxesFrame) -> [SVGElement] {
        var elements: [SVGElement] = []
        for minimum in minima {
            if let p = axes.visiblePixel(minimum, margin: 0.5) {
                elements.append(MarkerShape.star.element(at: p, size: 6, color: "#222222", filled: true))
            }
        }
        for (index, path) in paths.enumerated() {
            guard let (start, end) = path.finiteEnds else { continue }
            if let p = axes.visiblePixel(start, margin: 0.5) {
                elements.append(MarkerShape.circle.element(at: p, size: 5, color: pathColor(index), filled: false))
            }
            if let p = axes.visiblePixel(end, margin: 0.5) {
                elements.append(MarkerShape.square.element(at: p, size: 4, color: pathColor(index), filled: true))
            }
        }
        return elements
    }
}
