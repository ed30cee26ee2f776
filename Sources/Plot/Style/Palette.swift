/// Colour-blind-safe categorical colours: the Okabe–Ito palette.
///
/// Okabe & Ito (2008), "Color Universal Design". Ordered so that the first colours have the
/// most contrast on white; yellow, weak on white, comes last. Black is kept for markers of
/// known minima rather than for series.
public enum Palette {
    /// The series colours in order of use.
    public static let okabeIto: [String] = [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#E69F00", // orange
        "#56B4E9", // sky blue
        "#F0E442", // yellow
    ]

    /// The colour of series `index`, cycling through the palette.
    public static func color(_ index: Int) -> String {
        let count = okabeIto.count
        return okabeIto[((index % count) + count) % count]
    }
}
