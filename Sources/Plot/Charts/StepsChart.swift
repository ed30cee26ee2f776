import Foundation

/// A 1-D function J(θ) with the iterates θₖ of gradient descent drawn on it: the learning-rate
/// visualiser. Consecutive points (θₖ, J(θₖ)) are joined by arrows; start, end and the minimum
/// are marked. When a run diverges the view widens to contain every finite iterate, so the
/// picture shows how far it flew.
public struct StepsChart: Chart {
    public var title: String?
    public var x: Axis
    public var y: Axis
    /// Samples (θ, J(θ)) of the curve over the widened view.
    public var curve: [PlotPoint]
    /// The iterates (θₖ, J(θₖ)); non-finite ones cut the chain.
    public var steps: [PlotPoint]
    /// The minimiser (θ*, J(θ*)), if known.
    public var minimum: PlotPoint?
    public var curveLabel: String
    public var stepsLabel: String
    public var legendPlacement: LegendPlacement
    /// Runs with more steps than this are drawn with plain segments instead of arrows.
    public static let arrowLimit = 40

    /// Samples `function` over `view` widened to the finite iterates (plus 3 % each side, so
    /// markers on the border show whole).
    ///
    /// - Throws: `PlotError.invalidArgument` for an empty or non-finite view or fewer than
    ///   2 samples.
    public init(title: String? = nil, function: (Double) -> Double, view: ClosedRange<Double>,
                steps: [Double], minimum: Double? = nil, samples: Int = 400,
                xLabel: String = "θ", yLabel: String = "J(θ)",
                curveLabel: String = "J(θ)", stepsLabel: String = "steps θₖ",
                legendPlacement: LegendPlacement = .automatic) throws {
        guard view.lowerBound.isFinite, view.upperBound.isFinite, view.upperBound > view.lowerBound else {
            throw PlotError.invalidArgument(name: "view", value: "\(view.lowerBound)...\(view.upperBound)",
                                            allowed: "finite bounds with lower < upper")
        }
        guard samples >= 2 else {
            throw PlotError.invalidArgument(name: "samples", value: String(samples), allowed: "must be at least 2")
        }
        let shown = steps.filter { $0.isFinite && abs($0) < 1e150 }
        let low = min(view.lowerBound, shown.min() ?? view.lowerBound)
        let high = max(view.upperBound, shown.max() ?? view.upperBound)
        let pad = (high - low) * 0.03
        let domain = (low - pad)...(high + pad)
        let width = domain.upperBound - domain.lowerBound
        var thetas = (0..<samples).map { domain.lowerBound + width * Double($0) / Double(samples - 1) }
        thetas += shown.filter { domain.contains($0) }
        if let minimum, domain.contains(minimum) { thetas.append(minimum) }
        thetas.sort()
        self.curve = thetas.map { PlotPoint($0, function($0)) }
        self.steps = steps.map { PlotPoint($0, $0.isFinite ? function($0) : .nan) }
        self.minimum = minimum.map { PlotPoint($0, function($0)) }
        self.title = title
        self.x = Axis(xLabel, domain: domain)
        self.y = Axis(yLabel)
        self.curveLabel = curveLabel
        self.stepsLabel = stepsLabel
        self.legendPlacement = legendPlacement
    }

    func legend(theme: Theme) -> Legend {
        var entries = [LegendEntry(curveLabel, .line(color: Palette.color(0), width: 2)),
                       LegendEntry(stepsLabel, .lineAndMarker(color: Palette.color(1), width: 1.5,
                                                              marker: .dot, filled: true)),
                       LegendEntry("start", .marker(.circle, color: Palette.color(1), filled: false)),
                       LegendEntry("end", .marker(.square, color: Palette.color(1), filled: true))]
        if minimum != nil { entries.append(LegendEntry("minimum", .marker(.star, color: "#222222", filled: true))) }
        return Legend(entries: entries, theme: theme)
    }

    public func draw(in frame: PlotRect, on canvas: inout SVGCanvas) {
        let theme = canvas.theme
        let legend = legend(theme: theme)
        let xDomain = x.resolvedDomain(data: [], padding: .none)
        let yDomain = y.resolvedDomain(data: (curve + steps).map(\.y), padding: .fraction(0.05))
        let layout = CartesianLayout.place(
            frame: frame, title: title, x: x, y: y, xDomain: xDomain, yDomain: yDomain,
            legend: legend, placement: legendPlacement, theme: theme
        ) { axes in axes.pixelPieces(curve) + axes.pixelPieces(steps) + steps.compactMap { axes.pixel($0) }.map { [$0] } }
        let axes = layout.axes
        axes.drawGrid(on: &canvas)
        let stepColor = Palette.color(1)
        var elements: [SVGElement] = []
        if let line = SVGElement.polylines(axes.pixelPieces(curve), stroke: Palette.color(0), width: 2) {
            elements.append(line)
        }
        elements += stepSegments(axes, color: stepColor, canvas: &canvas)
        elements += steps.compactMap { axes.visiblePixel($0, margin: 4) }
            .map { MarkerShape.dot.element(at: $0, size: 3, color: stepColor, filled: true) }
        axes.drawClipped(on: &canvas, elements, class: "steps")
        axes.drawFrame(on: &canvas)
        var markers: [SVGElement] = []
        if let minimum, let p = axes.visiblePixel(minimum, margin: 0.5) {
            markers.append(MarkerShape.star.element(at: p, size: 6.5, color: "#222222", filled: true))
        }
        if let first = steps.first(where: \.isFinite), let p = axes.visiblePixel(first, margin: 0.5) {
            markers.append(MarkerShape.circle.element(at: p, size: 6, color: stepColor, filled: false))
        }
        if let last = steps.last(where: \.isFinite), let p = axes.visiblePixel(last, margin: 0.5) {
            markers.append(MarkerShape.square.element(at: p, size: 4.5, color: stepColor, filled: true))
        }
        if !markers.isEmpty { canvas.add(.group([("class", "markers")], markers)) }
        if let origin = layout.legendOrigin, let placed = layout.legend { placed.draw(at: origin, on: &canvas) }
    }

    /// Segments θₖ → θₖ₊₁, shortened at both ends so arrowheads do not hide the dots.
    func stepSegments(_ axes: AxesFrame, color: String, canvas: inout SVGCanvas) -> [SVGElement] {
        let useArrows = steps.count <= StepsChart.arrowLimit
        var arrowReference: String?
        if useArrows {
            let id = canvas.uniqueID("arrow")
            canvas.addDefinition(SVGElement("marker", [
                ("id", id), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"),
                ("markerWidth", "6"), ("markerHeight", "6"), ("orient", "auto"),
            ], children: [SVGElement("path", [("d", "M0 0L10 5L0 10z"), ("fill", color)])]))
            arrowReference = "url(#\(id))"
        }
        var segments: [SVGElement] = []
        for (a, b) in zip(steps, steps.dropFirst()) {
            guard let pa = axes.pixel(a), let pb = axes.pixel(b) else { continue }
            guard let (ca, cb) = PolylineClipper.clipSegment(pa, pb, to: axes.dataBounds) else { continue }
            let dx = cb.x - ca.x, dy = cb.y - ca.y
            let length = (dx * dx + dy * dy).squareRoot()
            var extra: [(String, String)] = []
            var start = ca, end = cb
            if let arrowReference, length > 14 {
                let trimStart = ca == pa ? 4.0 : 0, trimEnd = cb == pb ? 5.0 : 0
                start = PlotPoint(ca.x + dx / length * trimStart, ca.y + dy / length * trimStart)
                end = PlotPoint(cb.x - dx / length * trimEnd, cb.y - dy / length * trimEnd)
                extra.append(("marker-end", arrowReference))
            }
            segments.append(.line(from: start, to: end, stroke: color, width: 1.5, extra: extra))
        }
        return segments
    }
}
