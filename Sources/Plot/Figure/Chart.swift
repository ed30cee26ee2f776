/// Anything that can draw itself into a rectangle of an SVG canvas: a line chart, a contour
/// chart, a bar chart, a grid of panels. A `Figure` gives a chart its document.
public protocol Chart: Sendable {
    /// A short title (also used as the document's accessible `<title>`), or nil.
    var title: String? { get }
    /// Draws the chart inside `frame`; definitions it needs (clip paths, markers) get ids
    /// from the canvas so several charts can share one document.
    func draw(in frame: PlotRect, on canvas: inout SVGCanvas)
}

extension Chart {
    /// The chart alone as an SVG document of the given size.
    public func svg(width: Double = 720, height: Double = 480, theme: Theme = .standard) -> String {
        Figure(self, width: width, height: height, theme: theme).svg()
    }
}
