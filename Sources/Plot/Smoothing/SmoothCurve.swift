/// The loss-curve smoothing of "Deep Learning from Scratch" (`common/util.py`, `smooth_curve`).
///
/// The series is mirrored at both ends by window_len − 1 = 10 samples, convolved with a
/// normalised Kaiser window (M = 11, β = 2), and the middle `count` values are kept:
///
///     s = x[10:0:-1] ++ x ++ x[-2:-12:-1]
///     w = kaiser(11, 2) / Σ kaiser(11, 2)
///     y[i] = Σⱼ w[j] · s[i + j],  i = 5 … count + 4
///
/// (the window is symmetric, so convolution and correlation agree). Series shorter than the
/// window are returned unchanged: the numpy code misaligns them. A NaN or infinity spreads
/// to the neighbours it touches, so the smoothed curve shows a gap there too.
public enum Smoothing {
    /// The window length of the source text.
    public static let windowLength = 11
    /// The Kaiser β of the source text.
    public static let beta = 2.0

    /// `smooth_curve(x)` from the source text.
    public static func smoothCurve(_ x: [Double]) -> [Double] {
        let m = windowLength
        guard x.count >= m else { return x }
        let window = KaiserWindow.window(length: m, beta: beta)
        let total = window.reduce(0, +)
        let weights = window.map { $0 / total }
        let head = (1...(m - 1)).reversed().map { x[$0] }
        let tail = (0..<(m - 1)).map { x[x.count - 2 - $0] }
        let s = head + x + tail
        let half = m / 2
        return (half..<(half + x.count)).map { i in
            var sum = 0.0
            for j in 0..<m { sum += weights[m - 1 - j] * s[i + j] }
            return sum
        }
    }
}
