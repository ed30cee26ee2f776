/// Curves against a common x axis (loss or accuracy per step for several optimizers), on linear
/// or log axes, with raw values drawn light and thin under their smoothed curve.
public struct LineChart: Chart {
    public var title: String?
    public var x: Axis
    public var y: Axis
    public var series: [LineSeries]
    public var legendPlacement: LegendPlacement
    /// Legend text for the light raw curves (shown when some raw curve has no label of its own).
    public var rawLegendLabel: String

    public init(title: String? = nil, x: Axis = Axis("step"), y: Axis = Axis("value"),
                series: [LineSeries] = [], legendPlacement: LegendPlacement = .automatic,
                rawLegendLabel: String = "raw (light)") {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.legendPlacement = legendPlacement
        self.rawLegendLabel = rawLegendLabel
    }

    /// Adds a curve.
    public mutating func add(_ newSeries: LineSeries) {
        series.append(newSeries)
    }

    /// Adds the raw values (light, unlabelled) and their `Smoothing.smoothCurve` (solid,
    /// labelled) in one colour.
    ///
    /// - Throws: `PlotError.invalidArgument` when `x` and `y` differ in length.
    public mutating func addSmoothed(label: String, x: [Double], y: [Double], colorIndex: Int? = nil) throws {
        let color = colorIndex ?? series.filter { $0.style != .raw }.count
        try add(LineSeries(label: nil, x: x, y: y, style: .raw, colorIndex: color))
        try add(LineSeries(label: label, x: x, y: Smoothing.smoothCurve(y), style: .solid, colorIndex: color))
    }

    /// The palette colour of each series: its own index, else its position among the non-raw
    /// series (raw series without an index take the colour of the next non-raw one).
    func colors() -> [String] {
        var ordinal = 0
        return series.map { s in
            defer { if s.style != .raw { ordinal += 1 } }
            return Palette.color(s.colorIndex ?? ordinal)
        }
    }

    func legend(colors: [String], theme: Theme) -> Legend {
        var entries: [LegendEntry] = []
        for (s, color) in zip(series, colors) {
            guard let label = s.label, !label.isEmpty else { continue }
            let width = s.style == .raw ? 1.0 : 2.0
            entries.append(LegendEntry(label, .line(color: color, width: width,
                                                    opacity: s.style == .raw ? 0.35 : 1,
                                                    dashed: s.style == .dashed)))
        }
        if series.contains(where: { $0.style == .raw && ($0.label ?? "").isEmpty }) && !entries.isEmpty {
            entries.append(LegendEntry(rawLegendLabel, .line(color: "#555555", width: 1, opacity: 0.45)))
        }
        return Legend(entries: entries, theme: theme)
    }

    public func draw(in frame: PlotRect, on canvas: inout SVGCanvas) {
        let theme = canvas.theme
        let xDomain = x.resolvedDomain(data: series.flatMap(\.x), padding: .none)
        let yDomain = y.resolvedDomain(data: series.flatMap(\.y), padding: .nice)
        let colors = colors()
        let legend = legend(colors: colors, theme: theme)
        let layout = CartesianLayout.place(
            frame: frame, title: title, x: x, y: y, xDomain: xDomain, yDomain: yDomain,
            legend: legend, placement: legendPlacement, theme: theme
        ) { axes in series.flatMap { axes.pixelPieces($0.points) } }
        let axes = layout.axes
        axes.drawGrid(on: &canvas)
        var curves: [SVGElement] = []
        let order = series.indices.filter { series[$0].style == .raw } + series.indices.filter { series[$0].style != .raw }
        for index in order {
            let s = series[index]
            var extra: [(String, String)] = []
            switch s.style {
            case .raw: extra.append(("stroke-opacity", "0.35"))
            case .dashed: extra.append(("stroke-dasharray", "7 4"))
            case .solid: break
            }
            let width = s.style == .raw ? 1.0 : 2.0
            if let path = SVGElement.polylines(axes.pixelPieces(s.points), stroke: colors[index],
                                               width: width, extra: extra) {
                curves.append(path)
            }
            if s.markers {
                curves += s.points.compactMap { axes.visiblePixel($0, margin: 3) }
                    .map { MarkerShape.dot.element(at: $0, size: 2.5, color: colors[index], filled: true) }
            }
        }
        axes.drawClipped(on: &canvas, curves, class: "series")
        axes.drawFrame(on: &canvas)
        if let origin = layout.legendOrigin, let placed = layout.legend { placed.draw(at: origin, on: &canvas) }
    }
}
