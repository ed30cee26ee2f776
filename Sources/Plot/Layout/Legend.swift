/// The small picture next to a legend label.
public enum LegendSwatch: Sendable, Equatable {
    /// A line sample; `opacity` < 1 for raw curves drawn light.
    case line(color: String, width: Double, opacity: Double = 1, dashed: Bool = false)
    /// A lone marker (start, end, minimum).
    case marker(MarkerShape, color: String, filled: Bool)
    /// A line with a marker in its middle (an optimizer path with step markers).
    case lineAndMarker(color: String, width: Double, marker: MarkerShape, filled: Bool)
    /// A filled square (bars).
    case box(color: String)
}

/// One legend row.
public struct LegendEntry: Sendable, Equatable {
    public var label: String
    public var swatch: LegendSwatch
    public init(_ label: String, _ swatch: LegendSwatch) {
        self.label = label
        self.swatch = swatch
    }
}

/// Where a legend goes. `automatic` picks the inside corner that covers no data, else puts the
/// legend outside (to the right, or below when the right would squeeze the plot).
public enum LegendPlacement: String, Sendable, Equatable, CaseIterable {
    case automatic, topRight, topLeft, bottomRight, bottomLeft, outsideRight, outsideBottom, hidden
}

/// A legend box: swatch + label entries in one or more columns (filled row by row), sized from
/// the estimated text widths.
public struct Legend: Sendable {
    public var entries: [LegendEntry]
    public var theme: Theme
    /// Number of columns (1 for a box in a corner, more for a strip below the plot).
    public var columns = 1
    static let padding = 8.0
    static let swatchWidth = 26.0
    static let gap = 6.0

    public init(entries: [LegendEntry], theme: Theme = .standard) {
        self.entries = entries
        self.theme = theme
    }

    var rowHeight: Double { theme.legendFontSize + 7 }
    var rows: Int { (entries.count + max(columns, 1) - 1) / max(columns, 1) }
    var columnWidth: Double {
        let widest = entries.map { theme.textWidth($0.label, fontSize: theme.legendFontSize) }.max() ?? 0
        return Legend.swatchWidth + Legend.gap + widest
    }
    static let columnGap = 16.0

    /// Width and height of the box in pixels.
    public var size: (width: Double, height: Double) {
        let cols = Double(min(max(columns, 1), max(entries.count, 1)))
        return (2 * Legend.padding + cols * columnWidth + (cols - 1) * Legend.columnGap,
                2 * Legend.padding - 4 + Double(rows) * rowHeight)
    }

    /// The same legend in as many columns (up to the number of entries) as fit in `width`.
    public func flowing(within width: Double) -> Legend {
        var copy = self
        copy.columns = 1
        while copy.columns < entries.count {
            var wider = copy
            wider.columns += 1
            if wider.size.width > width { break }
            copy = wider
        }
        return copy
    }

    /// The box in the given inside corner of `area`, 8 px from its edges.
    public func box(in area: PlotRect, corner: LegendPlacement) -> PlotRect {
        let (w, h) = size
        let inset = 8.0
        let left = corner == .topLeft || corner == .bottomLeft
        let top = corner == .topLeft || corner == .topRight
        return PlotRect(x: left ? area.minX + inset : area.maxX - inset - w,
                        y: top ? area.minY + inset : area.maxY - inset - h, width: w, height: h)
    }

    /// Draws the box with its top-left corner at `origin`.
    public func draw(at origin: PlotPoint, on canvas: inout SVGCanvas) {
        let (w, h) = size
        var items: [SVGElement] = [
            .rect(PlotRect(x: origin.x, y: origin.y, width: w, height: h), fill: "#ffffff",
                  stroke: "#bbbbbb", extra: [("fill-opacity", "0.92"), ("rx", "3")]),
        ]
        let cols = max(columns, 1)
        for (index, entry) in entries.enumerated() {
            let row = index / cols, column = index % cols
            let centerY = origin.y + Legend.padding - 2 + (Double(row) + 0.5) * rowHeight
            let x0 = origin.x + Legend.padding + Double(column) * (columnWidth + Legend.columnGap)
            let x1 = x0 + Legend.swatchWidth
            items += swatch(entry.swatch, from: x0, to: x1, y: centerY)
            items.append(.text(entry.label, at: PlotPoint(x1 + Legend.gap, centerY + theme.legendFontSize * 0.35),
                               size: theme.legendFontSize, color: theme.foreground))
        }
        canvas.add(.group([("class", "legend")], items))
    }

    private func swatch(_ swatch: LegendSwatch, from x0: Double, to x1: Double, y: Double) -> [SVGElement] {
        let mid = PlotPoint((x0 + x1) / 2, y)
        switch swatch {
        case let .line(color, width, opacity, dashed):
            var extra: [(String, String)] = []
            if opacity < 1 { extra.append(("stroke-opacity", CompactNumber.format(opacity))) }
            if dashed { extra.append(("stroke-dasharray", "6 3")) }
            return [.line(from: PlotPoint(x0, y), to: PlotPoint(x1, y), stroke: color, width: width, extra: extra)]
        case let .marker(shape, color, filled):
            return [shape.element(at: mid, size: 4.5, color: color, filled: filled)]
        case let .lineAndMarker(color, width, shape, filled):
            return [.line(from: PlotPoint(x0, y), to: PlotPoint(x1, y), stroke: color, width: width),
                    shape.element(at: mid, size: 2.5, color: color, filled: filled)]
        case let .box(color):
            return [.rect(PlotRect(x: mid.x - 6, y: y - 6, width: 12, height: 12), fill: color, stroke: nil)]
        }
    }
}
