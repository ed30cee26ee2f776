/// Turning data into drawable pixel geometry for a set of axes.
extension AxesFrame {
    /// The area data is cut to: the plot area plus a 3 px bleed that the SVG clip path trims,
    /// so line caps at the border look right while no coordinate strays far outside.
    public var dataBounds: PlotRect { plotArea.insetBy(-3) }

    /// The visible pixel pieces of the polyline through `points`: NaN/∞ (and non-positive values
    /// on log axes) break the line; segments leaving the window are cut at its border.
    public func pixelPieces(_ points: [PlotPoint]) -> [[PlotPoint]] {
        PolylineClipper.clip(points.map { pixel($0) }, to: dataBounds)
    }

    /// The pixel position of `point` when it is inside the plot area (with `margin` pixels of
    /// slack), for drawing markers; nil otherwise.
    public func visiblePixel(_ point: PlotPoint, margin: Double = 0) -> PlotPoint? {
        guard let p = pixel(point), plotArea.insetBy(-margin).contains(p) else { return nil }
        return p
    }

    /// Draws `content` inside a group clipped to the plot area.
    public func drawClipped(on canvas: inout SVGCanvas, _ content: [SVGElement], class name: String) {
        guard !content.isEmpty else { return }
        let clip = canvas.clipReference(for: plotArea)
        canvas.add(.group([("class", name), ("clip-path", clip)], content))
    }
}
