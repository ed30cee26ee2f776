import Foundation

/// A panel's axes resolved into pixels: where the plot area is, how data maps onto it, and the
/// ticks; draws the grid (behind the data) and the frame, ticks, labels and title (in front).
///
/// Layout works outwards from the text: the title and x labels fix the plot area's height, the
/// widest y tick label fixes its left edge, and `rightReserve` / `bottomReserve` keep room for
/// a legend outside.
public struct AxesFrame: Sendable {
    public let frame: PlotRect
    public let plotArea: PlotRect
    public let xScale: AxisScale
    public let yScale: AxisScale
    public let xTicks: TickSet
    public let yTicks: TickSet
    public let title: String?
    public let xLabel: String
    public let yLabel: String
    public let theme: Theme
    /// Baseline of the x axis title, below the tick labels.
    public let xLabelBaseline: Double

    static let tickLength = 5.0
    static let minorTickLength = 3.0
    static let rotation = 35.0

    /// Lays out axes in `frame`. `xTicks` replaces the automatic x ticks (bar chart categories).
    public init(frame: PlotRect, title: String?, x: Axis, y: Axis,
                xDomain: (Double, Double), yDomain: (Double, Double),
                rightReserve: Double = 0, bottomReserve: Double = 0, xTicks fixedXTicks: TickSet? = nil,
                theme: Theme = .standard) {
        self.frame = frame
        self.title = title
        self.xLabel = x.label
        self.yLabel = y.label
        self.theme = theme
        let hasTitle = !(title ?? "").isEmpty
        let top = frame.minY + (hasTitle ? theme.titleFontSize + 20 : 14)
        var tickBand = AxesFrame.tickLength + theme.tickFontSize + 8
        if let fixedXTicks, fixedXTicks.rotatedLabels {
            let widest = fixedXTicks.labels.map { theme.textWidth($0, fontSize: theme.tickFontSize) }.max() ?? 0
            tickBand += widest * sin(AxesFrame.rotation * .pi / 180)
        }
        let labelBand = x.label.isEmpty ? 0 : theme.labelFontSize + 10
        let bottom = max(frame.maxY - bottomReserve - 6 - tickBand - labelBand, top + 20)
        self.xLabelBaseline = bottom + tickBand + theme.labelFontSize * 0.85 + 4
        let yTicks = TickSet.automatic(scale: y.scale, domain: yDomain, length: bottom - top,
                                       horizontal: false, theme: theme)
        let widestY = yTicks.labels.map { theme.textWidth($0, fontSize: theme.tickFontSize) }.max() ?? 0
        let left = frame.minX + 10 + (y.label.isEmpty ? 0 : theme.labelFontSize + 8)
            + widestY + AxesFrame.tickLength + 5
        func ticksX(right: Double) -> TickSet {
            fixedXTicks ?? TickSet.automatic(scale: x.scale, domain: xDomain, length: right - left,
                                             horizontal: true, theme: theme)
        }
        func rightEdge(_ ticks: TickSet) -> Double {
            let lastWidth = ticks.rotatedLabels ? 0
                : theme.textWidth(ticks.labels.last ?? "", fontSize: theme.tickFontSize)
            return frame.maxX - rightReserve - max(14, lastWidth / 2 + 4)
        }
        let right = max(rightEdge(ticksX(right: frame.maxX - rightReserve - 14)), left + 20)
        self.xTicks = ticksX(right: right)
        self.yTicks = yTicks
        self.plotArea = PlotRect(x: left, y: top, width: right - left, height: bottom - top)
        self.xScale = AxisScale(kind: x.scale, domain: xDomain, range: (left, right))
        self.yScale = AxisScale(kind: y.scale, domain: yDomain, range: (bottom, top))
    }

    /// The pixel position of a data point, or nil when a coordinate cannot be shown.
    public func pixel(_ point: PlotPoint) -> PlotPoint? {
        guard let px = xScale.pixel(point.x), let py = yScale.pixel(point.y) else { return nil }
        return PlotPoint(px, py)
    }

    /// Pixels per factor of ten on a log scale (minor grid lines only when decades are roomy).
    func pixelsPerDecade(_ scale: AxisScale) -> Double {
        let decades = log10(scale.domainUpper) - log10(scale.domainLower)
        return decades > 0 ? abs(scale.rangeEnd - scale.rangeStart) / decades : 0
    }

    /// Light grid lines at the major ticks (and very light ones at log minor ticks).
    public func drawGrid(on canvas: inout SVGCanvas) {
        var lines: [SVGElement] = []
        let area = plotArea
        func vertical(_ values: [Double], _ color: String) {
            for v in values { if let px = xScale.pixel(v) {
                lines.append(.line(from: PlotPoint(px, area.minY), to: PlotPoint(px, area.maxY), stroke: color))
            } }
        }
        func horizontal(_ values: [Double], _ color: String) {
            for v in values { if let py = yScale.pixel(v) {
                lines.append(.line(from: PlotPoint(area.minX, py), to: PlotPoint(area.maxX, py), stroke: color))
            } }
        }
        if xScale.kind == .log10 && pixelsPerDecade(xScale) >= 90 { vertical(xTicks.minor, theme.minorGridColor) }
        if yScale.kind == .log10 && pixelsPerDecade(yScale) >= 90 { horizontal(yTicks.minor, theme.minorGridColor) }
        if xTicks.gridLines { vertical(xTicks.major, theme.gridColor) }
        if yTicks.gridLines { horizontal(yTicks.major, theme.gridColor) }
        if !lines.isEmpty { canvas.add(.group([("class", "grid")], lines)) }
    }

    /// The frame, tick marks, tick labels, axis labels and title.
    public func drawFrame(on canvas: inout SVGCanvas) {
        let area = plotArea
        var marks: [SVGElement] = [.rect(area, fill: "none", stroke: theme.foreground)]
        var labels: [SVGElement] = []
        let tickFont = theme.tickFontSize
        for (value, isMajor) in xTicks.major.map({ ($0, true) }) + xTicks.minor.map({ ($0, false) }) {
            guard let px = xScale.pixel(value) else { continue }
            let length = isMajor ? AxesFrame.tickLength : AxesFrame.minorTickLength
            marks.append(.line(from: PlotPoint(px, area.maxY), to: PlotPoint(px, area.maxY + length),
                               stroke: theme.foreground))
        }
        for (value, label) in zip(xTicks.major, xTicks.labels) {
            guard let px = xScale.pixel(value) else { continue }
            if xTicks.rotatedLabels {
                let anchor = PlotPoint(px + 3, area.maxY + AxesFrame.tickLength + tickFont * 0.9)
                labels.append(.text(label, at: anchor, size: tickFont, color: theme.muted,
                                    anchor: "end", rotation: -AxesFrame.rotation))
            } else {
                let anchor = PlotPoint(px, area.maxY + AxesFrame.tickLength + 3 + tickFont * 0.85)
                labels.append(.text(label, at: anchor, size: tickFont, color: theme.muted, anchor: "middle"))
            }
        }
        for (value, isMajor) in yTicks.major.map({ ($0, true) }) + yTicks.minor.map({ ($0, false) }) {
            guard let py = yScale.pixel(value) else { continue }
            let length = isMajor ? AxesFrame.tickLength : AxesFrame.minorTickLength
            marks.append(.line(from: PlotPoint(area.minX - length, py), to: PlotPoint(area.minX, py),
                               stroke: theme.foreground))
        }
        for (value, label) in zip(yTicks.major, yTicks.labels) {
            guard let py = yScale.pixel(value) else { continue }
            let anchor = PlotPoint(area.minX - AxesFrame.tickLength - 4, py + tickFont * 0.35)
            labels.append(.text(label, at: anchor, size: tickFont, color: theme.muted, anchor: "end"))
        }
        if !xLabel.isEmpty {
            labels.append(.text(xLabel, at: PlotPoint(area.midX, xLabelBaseline), size: theme.labelFontSize,
                                color: theme.foreground, anchor: "middle"))
        }
        if !yLabel.isEmpty {
            let anchor = PlotPoint(frame.minX + 8 + theme.labelFontSize * 0.8, area.midY)
            labels.append(.text(yLabel, at: anchor, size: theme.labelFontSize, color: theme.foreground,
                                anchor: "middle", rotation: -90))
        }
        if let title, !title.isEmpty {
            let halfWidth = theme.textWidth(title, fontSize: theme.titleFontSize) / 2
            let center = min(max(area.midX, frame.minX + halfWidth + 4), frame.maxX - halfWidth - 4)
            labels.append(.text(title, at: PlotPoint(center, frame.minY + theme.titleFontSize + 8),
                                size: theme.titleFontSize, color: theme.foreground, anchor: "middle",
                                weight: "bold"))
        }
        canvas.add(.group([("class", "axes")], marks))
        canvas.add(.group([("class", "labels")], labels))
    }
}
