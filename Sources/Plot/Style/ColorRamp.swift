import Foundation

/// A light sequential colour ramp for contour lines: pale enough that paths drawn on top stand
/// out, ordered from low (blue-green) to high (sand) so the eye reads the valley.
///
/// The stops are the upper four fifths of viridis (van der Walt & Smith; its darkest purple is
/// left out) mixed 40 % with white; interpolation is linear in sRGB between stops.
public enum ColorRamp {
    static let stops: [(Double, Double, Double)] = [
        (0.230, 0.322, 0.546), (0.128, 0.567, 0.551),
        (0.369, 0.789, 0.383), (0.993, 0.906, 0.144),
    ]
    static let whiteMix = 0.4

    /// The ramp colour at `t` in [0, 1] (values outside are clamped) as `#rrggbb`.
    public static func color(at t: Double) -> String {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        let f = position - Double(lower)
        let a = stops[lower], b = stops[lower + 1]
        let channels = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f]
        return "#" + channels.map { channel -> String in
            let mixed = channel * (1 - whiteMix) + whiteMix
            let byte = Int((mixed * 255).rounded())
            return String(format: "%02x", min(max(byte, 0), 255))
        }.joined()
    }
}
