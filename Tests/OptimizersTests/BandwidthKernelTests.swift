import _CKernels
import Testing

/// Sizes that put an element in each part of the bandwidth kernels: the four quarter streams,
/// the whole vectors after them and the scalar tail.
private let kernelSizes = [1, 15, 16, 17, 63, 64, 65, 100, 1000, 4099]

@Suite("bandwidth kernels")
struct BandwidthKernelTests {
    @Test("the finiteness check finds a NaN or an infinity wherever it is", arguments: kernelSizes)
    func findsNonFinite(_ n: Int) {
        var x: [Float] = (0..<n).map { i in [Float.greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                             .leastNonzeroMagnitude, -0.0, 1.5, -3][i % 6] }
        #expect(descent_all_finite(x, n))
        for i in 0..<n {
            for bad in [Float.nan, .infinity, -.infinity, -Float.nan] {
                let keep = x[i]
                x[i] = bad
                if descent_all_finite(x, n) { Issue.record("n=\(n): \(bad) at \(i) not found"); return }
                x[i] = keep
            }
        }
    }

    @Test("copy and in-place add give the plain loop's values", arguments: kernelSizes)
    func copyAndAdd(_ n: Int) {
        let a: [Float] = (0..<n).map { Float($0) * 0.25 - 7 }, b: [Float] = (0..<n).map { 1 / Float($0 + 1) }
        var copied = [Float](repeating: 0, count: n)
        descent_copy(&copied, a, n)
        #expect(copied == a)
        var sum = a
        descent_add_in_place(&sum, b, n)
        #expect(sum == zip(a, b).map { $0 + $1 })
    }
}
