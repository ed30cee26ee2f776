import TensorCore

/// A tensor of seeded standard-normal values (scaled), the same on every run.
func randomTensor(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
    var g = SeededGenerator(seed: seed)
    return Tensor((0..<Tensor.elementCount(of: shape)).map { _ in scale * Float(g.normal()) }, shape: shape)
}

/// Like `randomTensor`, but every |value| is at least `gap` (keeps ReLU's kink away from finite differences).
func randomTensorAwayFromZero(_ shape: [Int], seed: UInt64, gap: Float = 0.05) -> Tensor {
    let t = randomTensor(shape, seed: seed)
    for i in 0..<t.count where abs(t.pointer[i]) < gap { t.pointer[i] = t.pointer[i] < 0 ? -gap : gap }
    return t
}

/// Largest elementwise |a - b|.
func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

/// Naive triple-loop product of op(a) · op(b) in Double, the reference for sgemm.
func naiveProduct(_ a: Tensor, _ ta: Bool, _ b: Tensor, _ tb: Bool) -> [Float] {
    let m = ta ? a.shape[1] : a.shape[0], k = ta ? a.shape[0] : a.shape[1]
    let n = tb ? b.shape[0] : b.shape[1]
    func at(_ t: Tensor, _ trans: Bool, _ i: Int, _ j: Int) -> Double {
        Double(trans ? t[j, i] : t[i, j])
    }
    var out = [Float](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var s = 0.0
            for p in 0..<k { s += at(a, ta, i, p) * at(b, tb, p, j) }
            out[i * n + j] = Float(s)
        }
    }
    return out
}
