/// An optimizer's trajectory over a 2-D landscape, with the caller's legend text
/// (e.g. "Adam (lr=0.3) f=1.2e-4").
public struct PathSeries: Sendable, Equatable {
    public var label: String
    /// The iterates in order, starting point first. NaN/∞ points cut the path.
    public var points: [PlotPoint]
    /// Whether every iterate gets a small dot.
    public var showSteps: Bool
    /// Palette index; nil takes the path's position.
    public var colorIndex: Int?

    public init(label: String, points: [PlotPoint], showSteps: Bool = true, colorIndex: Int? = nil) {
        self.label = label
        self.points = points
        self.showSteps = showSteps
        self.colorIndex = colorIndex
    }

    /// A path from `[[x, y], …]` rows (the shape of trace JSON); rows with fewer than two
    /// numbers become NaN points, which cut the path.
    public init(label: String, xy: [[Double]], showSteps: Bool = true, colorIndex: Int? = nil) {
        self.init(label: label,
                  points: xy.map { $0.count >= 2 ? PlotPoint($0[0], $0[1]) : PlotPoint(.nan, .nan) },
                  showSteps: showSteps, colorIndex: colorIndex)
    }

    /// The first and last finite iterates (start and end markers).
    public var finiteEnds: (start: PlotPoint, end: PlotPoint)? {
        guard let first = points.first(where: \.isFinite), let last = points.last(where: \.isFinite) else {
            return nil
        }
        return (first, last)
    }
}
