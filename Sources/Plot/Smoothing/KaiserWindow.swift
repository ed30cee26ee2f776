import Foundation

/// The Kaiser window and the Bessel function it is built from, as numpy computes them.
public enum KaiserWindow {
    /// The modified Bessel function of the first kind, order zero:
    /// I₀(x) = Σₖ ((x/2)ᵏ / k!)², summed until the terms no longer change the total.
    public static func besselI0(_ x: Double) -> Double {
        let quarterSquare = x * x / 4
        var term = 1.0, sum = 1.0
        var k = 1.0
        while k < 1000 {
            term *= quarterSquare / (k * k)
            let next = sum + term
            if next == sum { break }
            sum = next
            k += 1
        }
        return sum
    }

    /// `np.kaiser(M, β)`: w[n] = I₀(β·√(1 − (2n/(M−1) − 1)²)) / I₀(β), n = 0 … M−1.
    /// A window of length 1 is `[1]`; length 0 is empty.
    public static func window(length: Int, beta: Double) -> [Double] {
        guard length > 1 else { return length == 1 ? [1] : [] }
        let alpha = Double(length - 1) / 2
        let denominator = besselI0(beta)
        return (0..<length).map { n in
            let ratio = (Double(n) - alpha) / alpha
            return besselI0(beta * (max(0, 1 - ratio * ratio)).squareRoot()) / denominator
        }
    }
}
