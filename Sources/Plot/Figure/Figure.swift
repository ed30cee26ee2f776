import Foundation

/// A chart (or a grid of charts) on a page of fixed pixel size: the unit that becomes an SVG
/// file. `svg()` renders; `write(to:)` saves atomically; `writePNG` converts with rsvg-convert.
public struct Figure: Sendable {
    public var chart: any Chart
    public var width: Double
    public var height: Double
    public var theme: Theme

    public init(_ chart: any Chart, width: Double = 720, height: Double = 480, theme: Theme = .standard) {
        self.chart = chart
        self.width = width
        self.height = height
        self.theme = theme
    }

    /// A grid of panels, each `panelWidth` × `panelHeight` pixels (plus a title band).
    public init(grid: PanelGrid, panelWidth: Double = 440, panelHeight: Double = 360, theme: Theme = .standard) {
        let titleBand = (grid.title ?? "").isEmpty ? 0 : theme.titleFontSize + 18
        self.init(grid, width: panelWidth * Double(grid.usedColumns),
                  height: panelHeight * Double(grid.rows) + titleBand, theme: theme)
    }

    /// The SVG document.
    public func svg() -> String {
        var canvas = SVGCanvas(width: width, height: height, theme: theme)
        chart.draw(in: PlotRect(x: 0, y: 0, width: width, height: height), on: &canvas)
        return canvas.document(title: chart.title)
    }

    /// Writes the SVG to `url`: first to a temporary file in the same directory, then renamed
    /// over the destination, so readers never see a half-written figure.
    public func write(to url: URL) throws {
        try AtomicFile.write(Data(svg().utf8), to: url)
    }

    /// Converts an SVG file to PNG with `rsvg-convert` found on PATH.
    ///
    /// - Throws: `PlotError.rendererNotFound` when it is not installed, `.rendererFailed`
    ///   with its message when conversion fails.
    public static func writePNG(svgURL: URL, pngURL: URL) throws {
        try SVGRasterizer.convert(svgURL: svgURL, pngURL: pngURL)
    }
}
