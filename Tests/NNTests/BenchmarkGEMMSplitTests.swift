@testable import TensorCore
import Testing

/// The claim behind "2 threads give the same numbers as 1": a product that `ParallelGEMM`
/// splits, computed as its two halves, equals the unsplit product bit for bit, for the shapes
/// of the benchmark MLP's first layer (the products it splits). The halves are run here one
/// after the other on this thread, so no process-wide setting is involved.
@Suite struct BenchmarkGEMMSplitTests {
    /// (m, k, n, transposeA): forward X·W (128×784 · 784×100), weight gradient Xᵀ·dZ
    /// (784×128 · 128×100), and a wide product split by columns.
    static let shapes: [(Int, Int, Int, Bool)] = [(128, 784, 100, false), (784, 128, 100, true), (100, 160, 700, false)]

    @Test(arguments: 0..<3)
    func splitHalvesEqualTheUnsplitProductBitForBit(shape: Int) {
        // The claim is for single-threaded OpenBLAS, as training runs it (`ParallelGEMM.configure`);
        // OpenBLAS's own threads change the last bits of some products.
        if BLASThreads.count != 1 { BLASThreads.set(1) }
        let (m, k, n, transposeA) = Self.shapes[shape]
        let a = filled(count: m * k, seed: 1), b = filled(count: k * n, seed: 2), start = filled(count: m * n, seed: 3)
        defer { a.deallocate(); b.deallocate(); start.deallocate() }
        for beta: Float in [0, 1] {
            let whole = copy(start, m * n), split = copy(start, m * n)
            defer { whole.deallocate(); split.deallocate() }
            let job = GEMMJob(a: a, transposeA: transposeA, lda: transposeA ? m : k, b: b, transposeB: false, ldb: n,
                              c: whole, ldc: n, m: m, n: n, k: k, alpha: 1, beta: beta)
            #expect(job.work >= ParallelGEMM.threshold)  // the default threshold splits it
            job.execute()
            var halves = job.halves()
            halves.0.c = split + (halves.0.c - whole)
            halves.1.c = split + (halves.1.c - whole)
            #expect(min(halves.0.work, halves.1.work) >= ParallelGEMM.threshold / 2)
            halves.1.execute()
            halves.0.execute()
            let equal = (0..<(m * n)).allSatisfy { whole[$0].bitPattern == split[$0].bitPattern }
            #expect(equal, "\(m)×\(k)×\(n), beta \(beta)")
        }
    }

    /// `concurrently` (the two products of a layer's backward pass, one on each thread) gives
    /// exactly the products `Tensor.matmul` gives, accumulating (beta 1) or not.
    @Test(arguments: [1, 2])
    func concurrentProductsEqualSequentialOnes(threads: Int) {
        // Single-threaded OpenBLAS for the expected products too, as `withConfiguration` sets it
        // (with OpenBLAS's own threads some products differ in the last bits).
        if BLASThreads.count != 1 { BLASThreads.set(1) }
        var g = SeededGenerator(seed: 9)
        func random(_ shape: [Int]) -> Tensor { Tensor((0..<(shape[0] * shape[1])).map { _ in Float(g.normal()) }, shape: shape) }
        let dZ = random([128, 100]), w = random([100, 100]), x = random([128, 100])
        let dX = random([128, 100]), dW = random([100, 100])
        let expectedX = dX.copy(), expectedW = dW.copy()
        Tensor.matmul(dZ, transposed: false, w, transposed: true, into: expectedX, beta: 1)
        Tensor.matmul(x, transposed: true, dZ, into: expectedW)
        ParallelGEMM.withConfiguration(threads: threads) {
            ParallelGEMM.concurrently(.init(dZ, transposed: false, w, transposed: true, into: dX, beta: 1),
                                      .init(x, transposed: true, dZ, into: dW))
        }
        #expect(dX.scalars.map(\.bitPattern) == expectedX.scalars.map(\.bitPattern))
        #expect(dW.scalars.map(\.bitPattern) == expectedW.scalars.map(\.bitPattern))
    }

    @Test func theMediumProductsOfTheMLPAreNotSplit() {
        // 128×100×100: halves of 640,000 multiply-adds would run OpenBLAS's small-matrix kernels.
        #expect(128 * 100 * 100 < ParallelGEMM.threshold)
    }

    private func filled(count: Int, seed: UInt64) -> UnsafeMutablePointer<Float> {
        var g = SeededGenerator(seed: seed)
        let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
        for i in 0..<count { p[i] = Float(g.normal()) }
        return p
    }

    private func copy(_ source: UnsafeMutablePointer<Float>, _ count: Int) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
        p.initialize(from: source, count: count)
        return p
    }
}
