#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Activation kernels. Each backward form is written in terms of the forward *output* `y`, so a
/// layer only keeps its output: relu' = [y > 0], sigmoid' = y(1 - y), tanh' = 1 - y².
extension Kernels {
    /// `y = max(x, 0)` (in place is fine).
    public static func relu(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count n: Int) {
        let v = vectorPart(n)
        var i = 0
        while i < v { store(relu16(load(x, i)), y, i); i += 16 }
        while i < n { y[i] = Swift.max(x[i], 0); i += 1 }
    }

    /// `dx = dy * [y > 0]`, written or accumulated into `dx`.
    public static func reluBackward(output y: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
                                    inputGradient dx: UnsafeMutablePointer<Float>, count n: Int, accumulate: Bool) {
        let v = vectorPart(n)
        let zero = Vec.zero
        var i = 0
        if accumulate {
            while i < v { store(load(dx, i) + load(dy, i).replacing(with: zero, where: load(y, i) .<= zero), dx, i); i += 16 }
            while i < n { if y[i] > 0 { dx[i] += dy[i] }; i += 1 }
        } else {
            while i < v { store(load(dy, i).replacing(with: zero, where: load(y, i) .<= zero), dx, i); i += 16 }
            while i < n { dx[i] = y[i] > 0 ? dy[i] : 0; i += 1 }
        }
    }

    /// `y = 1 / (1 + e^(-x))`, computed without overflow for large |x| (in place is fine).
    public static func sigmoid(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count n: Int) {
        for i in 0..<n {
            let xi = x[i]
            if xi >= 0 { y[i] = 1 / (1 + expf(-xi)) } else { let e = expf(xi); y[i] = e / (1 + e) }
        }
    }

    /// `dx = dy * y * (1 - y)`, written or accumulated into `dx`.
    public static func sigmoidBackward(output y: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
                                       inputGradient dx: UnsafeMutablePointer<Float>, count n: Int, accumulate: Bool) {
        let v = vectorPart(n)
        let one = Vec(repeating: 1)
        var i = 0
        if accumulate {
            while i < v { let yi = load(y, i); store(load(dx, i) + load(dy, i) * yi * (one - yi), dx, i); i += 16 }
            while i < n { dx[i] += dy[i] * y[i] * (1 - y[i]); i += 1 }
        } else {
            while i < v { let yi = load(y, i); store(load(dy, i) * yi * (one - yi), dx, i); i += 16 }
            while i < n { dx[i] = dy[i] * y[i] * (1 - y[i]); i += 1 }
        }
    }

    /// `y = tanh(x)` (in place is fine).
    public static func tanh(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count n: Int) {
        for i in 0..<n { y[i] = tanhf(x[i]) }
    }

    /// `dx = dy * (1 - y²)`, written or accumulated into `dx`.
    public static func tanhBackward(output y: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
                                    inputGradient dx: UnsafeMutablePointer<Float>, count n: Int, accumulate: Bool) {
        let v = vectorPart(n)
        let one = Vec(repeating: 1)
        var i = 0
        if accumulate {
            while i < v { let yi = load(y, i); store(load(dx, i) + load(dy, i) * (one - yi * yi), dx, i); i += 16 }
            while i < n { dx[i] += dy[i] * (1 - y[i] * y[i]); i += 1 }
        } else {
            while i < v { let yi = load(y, i); store(load(dy, i) * (one - yi * yi), dx, i); i += 16 }
            while i < n { dx[i] = dy[i] * (1 - y[i] * y[i]); i += 1 }
        }
    }
}
