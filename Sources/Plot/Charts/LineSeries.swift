/// One curve of a line chart: y against x, with a label for the legend and a drawing style.
public struct LineSeries: Sendable, Equatable {
    /// How a curve is drawn.
    public enum Style: String, Sendable, Equatable {
        /// 2 px, opaque.
        case solid
        /// 2 px, dashed (a reference curve).
        case dashed
        /// 1 px, translucent: the raw values under a smoothed curve.
        case raw
    }

    /// Legend text; nil leaves the curve out of the legend.
    public var label: String?
    public var x: [Double]
    public var y: [Double]
    public var style: Style
    /// Palette index; nil takes the next colour in order.
    public var colorIndex: Int?
    /// Whether to mark each point with a dot.
    public var markers: Bool

    /// - Throws: `PlotError.invalidArgument` when `x` and `y` differ in length.
    public init(label: String?, x: [Double], y: [Double], style: Style = .solid,
                colorIndex: Int? = nil, markers: Bool = false) throws {
        guard x.count == y.count else {
            throw PlotError.invalidArgument(name: "x/y of series \"\(label ?? "")\"",
                                            value: "\(x.count)/\(y.count) values",
                                            allowed: "x and y must have the same length")
        }
        self.label = label
        self.x = x
        self.y = y
        self.style = style
        self.colorIndex = colorIndex
        self.markers = markers
    }

    /// A curve of `y` against its step number 1, 2, 3, …
    public init(label: String?, y: [Double], style: Style = .solid, colorIndex: Int? = nil) {
        self.label = label
        self.x = y.indices.map { Double($0 + 1) }
        self.y = y
        self.style = style
        self.colorIndex = colorIndex
        self.markers = false
    }

    /// The points in order.
    public var points: [PlotPoint] { zip(x, y).map { PlotPoint($0, $1) } }
}
