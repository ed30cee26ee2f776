/// Fonts, sizes and neutral colours shared by every chart, so figures look alike.
///
/// The defaults follow common advice for readable figures: a sans-serif font present on most
/// systems, 12 px tick labels, 14 px axis labels, 16 px titles, light grey grid lines.
public struct Theme: Sendable, Equatable {
    public var fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    public var tickFontSize = 12.0
    public var labelFontSize = 14.0
    public var titleFontSize = 16.0
    public var legendFontSize = 12.0
    public var valueFontSize = 12.0
    /// Text, frame and tick colour.
    public var foreground = "#222222"
    /// Colour of secondary text (tick labels).
    public var muted = "#444444"
    public var gridColor = "#e3e3e3"
    public var minorGridColor = "#f2f2f2"
    public var background = "#ffffff"
    /// Average glyph advance as a fraction of the font size, used to estimate text widths
    /// (DejaVu Sans averages about 0.6 em for digits and lower case).
    public var glyphWidth = 0.6

    public init() {}

    /// The default theme.
    public static let standard = Theme()

    /// Estimated width in pixels of `text` set at `fontSize`.
    public func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * glyphWidth
    }
}
