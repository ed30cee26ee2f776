/// Pointer-level float32 kernels: the loops every tensor operation and pullback is made of.
///
/// Each takes raw pointers and a count so callers can run them on any buffer (a tensor, a slice
/// of a batch, a gradient). Output pointers may alias inputs where noted ("in place is fine").
/// Each loop handles 16 lanes per iteration (see `SIMDAccess.swift`).
public enum Kernels {}

// MARK: - Binary and scaling kernels

extension Kernels {
    /// `out[i] = a[i] + b[i]` (in place is fine).
    public static func add(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count n: Int) {
        let v = vectorPart(n)
        var i = 0
        while i < v { store(load(a, i) + load(b, i), out, i); i += 16 }
        while i < n { out[i] = a[i] + b[i]; i += 1 }
    }

    /// `out[i] = a[i] - b[i]` (in place is fine).
    public static func subtract(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count n: Int) {
        let v = vectorPart(n)
        var i = 0
        while i < v { store(load(a, i) - load(b, i), out, i); i += 16 }
        while i < n { out[i] = a[i] - b[i]; i += 1 }
    }

    /// `out[i] = a[i] * b[i]` (in place is fine).
    public static func multiply(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count n: Int) {
        let v = vectorPart(n)
        var i = 0
        while i < v { store(load(a, i) * load(b, i), out, i); i += 16 }
        while i < n { out[i] = a[i] * b[i]; i += 1 }
    }

    /// `out[i] = alpha * x[i]` (in place is fine).
    public static func scale(_ x: UnsafePointer<Float>, by alpha: Float, _ out: UnsafeMutablePointer<Float>, count n: Int) {
        let v = vectorPart(n)
        let s = Vec(repeating: alpha)
        var i = 0
        while i < v { store(load(x, i) * s, out, i); i += 16 }
        while i < n { out[i] = alpha * x[i]; i += 1 }
    }

    /// `y[i] += alpha * x[i]` (BLAS axpy).
    public static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count n: Int) {
        let v = vectorPart(n)
        let s = Vec(repeating: alpha)
        var i = 0
        while i < v { store(load(y, i) + s * load(x, i), y, i); i += 16 }
        while i < n { y[i] += alpha * x[i]; i += 1 }
    }

    /// `y[i] += x[i]`, returning whether every sum is finite: each sum `s` adds `s - s` (0, or
    /// NaN for ±inf and NaN) into a running vector, one subtraction and one addition per vector
    /// on values already in registers, so the check costs next to nothing.
    public static func addCheckingFinite(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count n: Int) -> Bool {
        let v = vectorPart(n)
        var probe = Vec(repeating: 0)
        var i = 0
        while i < v {
            let s = load(y, i) + load(x, i)
            store(s, y, i)
            probe += s - s
            i += 16
        }
        var tail: Float = 0
        while i < n { let s = y[i] + x[i]; y[i] = s; tail += s - s; i += 1 }
        return probe.sum() == 0 && tail == 0
    }

    /// `out[i] = x[i]` when `accumulate` is false, `out[i] += alpha * x[i]`-style accumulation
    /// otherwise: the write-or-add step every pullback uses for its input's gradient.
    public static func writeOrAccumulate(_ x: UnsafePointer<Float>, scaledBy alpha: Float,
                                         into out: UnsafeMutablePointer<Float>, count n: Int, accumulate: Bool) {
        if accumulate { axpy(alpha, x, out, count: n) }
        else if alpha == 1 { if UnsafePointer(out) != x { out.update(from: x, count: n) } }
        else { scale(x, by: alpha, out, count: n) }
    }
}

extension Kernels {
    /// `out[i] = a[i] * b[i]`, or `out[i] += a[i] * b[i]` when `accumulate`.
    public static func multiplyAdd(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                                   into out: UnsafeMutablePointer<Float>, count n: Int, accumulate: Bool) {
        guard accumulate else { multiply(a, b, out, count: n); return }
        let v = vectorPart(n)
        var i = 0
        while i < v { store(load(out, i) + load(a, i) * load(b, i), out, i); i += 16 }
        while i < n { out[i] += a[i] * b[i]; i += 1 }
    }
}
