import Foundation

/// One bar: a category name and its value.
public struct Bar: Sendable, Equatable {
    public var label: String
    public var value: Double
    /// Palette index; nil takes the bar's position (or the first colour when `BarChart.colorful`
    /// is off).
    public var colorIndex: Int?

    public init(_ label: String, _ value: Double, colorIndex: Int? = nil) {
        self.label = label
        self.value = value
        self.colorIndex = colorIndex
    }
}

/// How the numbers above bars are written.
public enum ValueStyle: Sendable, Equatable {
    /// Fixed decimals: `0.93`.
    case decimals(Int)
    /// Value × 100 with a percent sign: 0.9312 → `93.1%`.
    case percent(decimals: Int)
    /// Three significant digits, exponent notation for extremes: `1.2e-4`.
    case compact

    /// The label text of `value`.
    public func text(_ value: Double) -> String {
        guard value.isFinite else { return TickFormat.compact(value) }
        switch self {
        case let .decimals(places): return String(format: "%.\(min(max(places, 0), 10))f", value)
        case let .percent(places): return String(format: "%.\(min(max(places, 0), 10))f%%", value * 100)
        case .compact: return TickFormat.compact(value)
        }
    }
}

/// Bars from zero with their values written on them (e.g. test accuracy per optimizer).
/// Long category names are turned 35° so they never overlap.
public struct BarChart: Chart {
    public var title: String?
    /// The value axis (linear); its label and an optional fixed domain.
    public var y: Axis
    public var categoryLabel: String
    public var bars: [Bar]
    public var valueStyle: ValueStyle
    /// One palette colour per bar (true) or all bars in the first colour (false).
    public var colorful: Bool

    public init(title: String? = nil, y: Axis = Axis("value"), categoryLabel: String = "",
                bars: [Bar], valueStyle: ValueStyle = .compact, colorful: Bool = true) {
        self.title = title
        self.y = Axis(y.label, scale: .linear, domain: y.domain)
        self.categoryLabel = categoryLabel
        self.bars = bars
        self.valueStyle = valueStyle
        self.colorful = colorful
    }

    /// Category ticks at the bar centres, turned when the widest name does not fit its slot.
    func categoryTicks(slotWidth: Double, theme: Theme) -> TickSet {
        let labels = bars.map(\.label)
        let widest = labels.map { theme.textWidth($0, fontSize: theme.tickFontSize) }.max() ?? 0
        return TickSet(major: bars.indices.map { Double($0) + 0.5 }, labels: labels,
                       gridLines: false, rotatedLabels: widest > slotWidth - 8)
    }

    public func draw(in frame: PlotRect, on canvas: inout SVGCanvas) {
        let theme = canvas.theme
        let finite = bars.map(\.value).filter(\.isFinite)
        let low = min(0, finite.min() ?? 0), high = max(0, finite.max() ?? 1)
        let headroom = (high - low == 0 ? 1 : high - low) * 0.08
        let yDomain = y.resolvedDomain(data: [low < 0 ? low - headroom : 0, high > 0 ? high + headroom : 0],
                                       padding: .nice)
        let xDomain = (0.0, Double(max(bars.count, 1)))
        let estimate = (frame.width - 80) / Double(max(bars.count, 1))
        let layout = CartesianLayout.place(
            frame: frame, title: title, x: Axis(categoryLabel), y: y, xDomain: xDomain, yDomain: yDomain,
            xTicks: categoryTicks(slotWidth: estimate, theme: theme), legend: nil, placement: .hidden,
            theme: theme) { _ in [] }
        let axes = layout.axes
        axes.drawGrid(on: &canvas)
        var shapes: [SVGElement] = []
        var labels: [SVGElement] = []
        let slot = axes.plotArea.width / Double(max(bars.count, 1))
        for (index, bar) in bars.enumerated() {
            let color = Palette.color(bar.colorIndex ?? (colorful ? index : 0))
            let center = axes.xScale.pixel(Double(index) + 0.5) ?? axes.plotArea.midX
            guard let zero = axes.yScale.pixel(0) else { continue }
            let top = bar.value.isFinite ? (axes.yScale.pixel(bar.value) ?? zero) : zero
            let clampedTop = min(max(top, axes.plotArea.minY), axes.plotArea.maxY)
            let width = slot * 0.62
            shapes.append(.rect(PlotRect(x: center - width / 2, y: min(zero, clampedTop), width: width,
                                         height: abs(zero - clampedTop)), fill: color, stroke: nil))
            let above = bar.value >= 0 || !bar.value.isFinite
            let textY = above ? clampedTop - 5 : clampedTop + theme.valueFontSize + 3
            labels.append(.text(valueStyle.text(bar.value), at: PlotPoint(center, textY),
                                size: theme.valueFontSize, color: theme.foreground, anchor: "middle"))
        }
        axes.drawClipped(on: &canvas, shapes, class: "bars")
        if let zero = axes.yScale.pixel(0), low < 0 {
            canvas.add(.line(from: PlotPoint(axes.plotArea.minX, zero), to: PlotPoint(axes.plotArea.maxX, zero),
                             stroke: theme.foreground))
        }
        axes.drawFrame(on: &canvas)
        canvas.add(.group([("class", "values")], labels))
    }
}
