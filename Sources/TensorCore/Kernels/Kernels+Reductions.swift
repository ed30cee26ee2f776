/// Reductions over a whole buffer or per row of a `[rows, cols]` matrix.
extension Kernels {
    /// `Σ x[i]`, summed in 16 float lanes then across lanes (pairwise-like accuracy).
    public static func sum(_ x: UnsafePointer<Float>, count n: Int) -> Float {
        let v = vectorPart(n)
        var acc = Vec.zero
        var i = 0
        while i < v { acc += load(x, i); i += 16 }
        var s = acc.sum()
        while i < n { s += x[i]; i += 1 }
        return s
    }

    /// `Σ x[i] / n` (0 for an empty buffer).
    public static func mean(_ x: UnsafePointer<Float>, count n: Int) -> Float {
        n == 0 ? 0 : sum(x, count: n) / Float(n)
    }

    /// `out[r] = max_c x[r, c]`.
    public static func rowMax(_ x: UnsafePointer<Float>, rows: Int, columns cols: Int, into out: UnsafeMutablePointer<Float>) {
        precondition(cols > 0, "Kernels.rowMax: a row needs at least one column")
        for r in 0..<rows {
            let xr = x + r * cols
            var m = xr[0]
            for c in 1..<Swift.max(cols, 1) where xr[c] > m { m = xr[c] }
            out[r] = m
        }
    }

    /// The column of the largest element of row `r` (the first one on ties).
    public static func argmax(row r: Int, of x: UnsafePointer<Float>, columns cols: Int) -> Int {
        precondition(cols > 0, "Kernels.argmax: a row needs at least one column")
        let xr = x + r * cols
        var best = 0
        for c in 1..<Swift.max(cols, 1) where xr[c] > xr[best] { best = c }
        return best
    }
}
