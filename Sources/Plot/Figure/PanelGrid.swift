/// Rows × columns of charts in one figure, each panel with its own title and axes
/// (e.g. four optimizers' paths side by side), under an optional overall title.
public struct PanelGrid: Chart {
    public var title: String?
    public var panels: [any Chart]
    public var columns: Int

    /// - Throws: `PlotError.invalidArgument` when `panels` is empty or `columns` < 1.
    public init(panels: [any Chart], columns: Int, title: String? = nil) throws {
        guard !panels.isEmpty else {
            throw PlotError.invalidArgument(name: "panels", value: "[]", allowed: "give at least one chart")
        }
        guard columns >= 1 else {
            throw PlotError.invalidArgument(name: "columns", value: String(columns), allowed: "must be at least 1")
        }
        self.panels = panels
        self.columns = columns
        self.title = title
    }

    /// Number of rows: ⌈panels / columns⌉.
    public var rows: Int { (panels.count + columns - 1) / columns }

    /// Columns actually used (fewer than `columns` when there are fewer panels).
    public var usedColumns: Int { min(columns, panels.count) }

    public func draw(in frame: PlotRect, on canvas: inout SVGCanvas) {
        let theme = canvas.theme
        var top = frame.minY
        if let title, !title.isEmpty {
            canvas.add(.text(title, at: PlotPoint(frame.midX, frame.minY + theme.titleFontSize + 10),
                             size: theme.titleFontSize + 1, color: theme.foreground, anchor: "middle",
                             weight: "bold"))
            top += theme.titleFontSize + 18
        }
        let cellWidth = frame.width / Double(usedColumns)
        let cellHeight = (frame.maxY - top) / Double(rows)
        for (index, panel) in panels.enumerated() {
            let cell = PlotRect(x: frame.minX + Double(index % columns) * cellWidth,
                                y: top + Double(index / columns) * cellHeight,
                                width: cellWidth, height: cellHeight)
            canvas.grouped([("class", "panel")]) { panel.draw(in: cell, on: &$0) }
        }
    }
}
