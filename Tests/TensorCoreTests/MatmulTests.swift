import Parallelism
import Testing
@testable import TensorCore

@Suite struct MatmulTests {
    static let transposeCases: [(Bool, Bool)] = [(false, false), (true, false), (false, true), (true, true)]

    @Test(arguments: transposeCases)
    func matchesANaiveLoop(transposeA: Bool, transposeB: Bool) {
        let (m, k, n) = (5, 7, 3)
        let a = randomTensor(transposeA ? [k, m] : [m, k], seed: 1)
        let b = randomTensor(transposeB ? [n, k] : [k, n], seed: 2)
        let out = a.matmul(b, transposeSelf: transposeA, transposeOther: transposeB)
        #expect(out.shape == [m, n])
        #expect(maxDifference(out.scalars, naiveProduct(a, transposeA, b, transposeB)) < 1e-5)
    }

    @Test func betaOneAccumulatesAndAlphaScales() {
        let a = randomTensor([4, 6], seed: 3), b = randomTensor([6, 2], seed: 4)
        let reference = naiveProduct(a, false, b, false)
        let out = Tensor(repeating: 1, shape: [4, 2])
        Tensor.matmul(a, b, into: out, alpha: 2, beta: 1)
        #expect(maxDifference(out.scalars, reference.map { 2 * $0 + 1 }) < 1e-5)
    }

    @Test func aLargerProductMatchesTheReference() {
        let a = randomTensor([33, 70], seed: 5), b = randomTensor([17, 70], seed: 6)
        let out = a.matmul(b, transposeOther: true)
        #expect(maxDifference(out.scalars, naiveProduct(a, false, b, true)) < 1e-4)
    }

    /// Products that would make OpenBLAS's small kernel allocate are computed in column parts
    /// (`GEMMJob.execute`): two products, or 16-column panels and one sgemv per leftover column.
    /// Still the product, also over an output full of NaN (beta = 0 ignores it), and with beta = 1.
    @Test(arguments: [(64, 100, 100), (50, 100, 100), (32, 40, 36), (64, 17, 100), (64, 1, 64), (10, 3, 32), (8, 33, 40)])
    func productsComputedInPartsForOpenBLASsSmallKernelAreStillTheProduct(m: Int, n: Int, k: Int) {
        let a = randomTensor([m, k], seed: 6), b = randomTensor([k, n], seed: 7)
        let out = Tensor(repeating: .nan, shape: [m, n])
        Tensor.matmul(a, b, into: out)
        let product = naiveProduct(a, false, b, false)
        #expect(maxDifference(out.scalars, product) < 1e-4)
        Tensor.matmul(a, b, into: out, beta: 1)
        #expect(maxDifference(out.scalars, product.map { 2 * $0 }) < 2e-4)
    }

    @Test func theColumnCutLeavesNoPartWithOneToEightExtraColumns() {
        func job(m: Int = 64, n: Int, k: Int = 100, transposed: Bool = false) -> GEMMJob {
            let p = UnsafeMutablePointer<Float>(bitPattern: 64)!  // never dereferenced
            return GEMMJob(a: p, transposeA: transposed, lda: k, b: p, transposeB: false, ldb: n, c: p, ldc: n,
                           m: m, n: n, k: k, alpha: 1, beta: 0)
        }
        func cut(m: Int = 64, n: Int, k: Int = 100, transposed: Bool = false) -> Int? {
            job(m: m, n: n, k: k, transposed: transposed).scratchFreeColumnCut
        }
        #expect((1...8).allSatisfy { job(n: $0).allocatesScratch } && [16, 17, 100].map { job(n: $0).allocatesScratch } == [false, true, true])
        #expect(cut(n: 100) == 41)
        for n in 18...300 where (2...8).contains(n % 16) && 64 * n * 100 <= 1_000_000 {
            let first = cut(n: n)!, rest = n - first
            #expect(first > 0 && rest > 0)
            #expect([first % 16, rest % 16].allSatisfy { $0 == 0 || $0 >= 9 }, "n = \(n): \(first) + \(rest)")
        }
        #expect(cut(n: 96) == nil && cut(n: 110) == nil && cut(n: 17) == nil && cut(n: 5) == nil)
        #expect(cut(n: 100, k: 31) == nil && cut(n: 100, transposed: true) == nil && cut(m: 128, n: 100) == nil)
    }

    // BLASThreads.set is not exercised here: changing OpenBLAS's pool while parallel tests run
    // sgemm is not safe. The benchmark executable sets it.
}

@Suite struct BLASConfigurationTests {
    @Test func reportsTheChosenKernelsAndRecommendsOnlyKnownOnes() {
        #expect(!BLASConfiguration.coreName.isEmpty && BLASConfiguration.coreName != "unknown")
        #expect(BLASThreads.count >= 1)
        if let core = BLASConfiguration.recommendedCoreType {
            #expect(["SkylakeX", "Haswell"].contains(core))
            #expect(core.lowercased() != BLASConfiguration.coreName.lowercased())
        }
    }
}

@Suite(.serialized) struct ParallelGEMMTests {
    @Test(arguments: MatmulTests.transposeCases)
    func splitProductsEqualTheNaiveLoop(transposeA: Bool, transposeB: Bool) {
        let wasEnabled = ParallelGEMM.isEnabled, oldThreshold = ParallelGEMM.threshold
        ParallelGEMM.isEnabled = true
        ParallelGEMM.threshold = 1
        defer { ParallelGEMM.isEnabled = wasEnabled; ParallelGEMM.threshold = oldThreshold }
        // Tall (split by rows, at 32 of 70) and wide (split by columns, at 48 of 90), odd sizes.
        for (m, k, n) in [(70, 9, 33), (37, 11, 90)] {
            let a = randomTensor(transposeA ? [k, m] : [m, k], seed: 40)
            let b = randomTensor(transposeB ? [n, k] : [k, n], seed: 41)
            let out = Tensor(repeating: 1, shape: [m, n])
            // A product that finds the helper busy (a parallel test) runs unsplit; so try a few times.
            var wasSplit = false
            for _ in 0..<5 where !wasSplit {
                let splitsBefore = HelperThread.shared.posted
                Tensor.matmul(a, transposed: transposeA, b, transposed: transposeB, into: out, alpha: 0, beta: 1)
                wasSplit = HelperThread.shared.posted > splitsBefore
            }
            #expect(wasSplit)
            Tensor.matmul(a, transposed: transposeA, b, transposed: transposeB, into: out, alpha: 2, beta: 0.5)
            let expected = naiveProduct(a, transposeA, b, transposeB).map { 2 * $0 + 0.5 }
            #expect(maxDifference(out.scalars, expected) < 1e-4, "\(m)×\(k)×\(n)")
        }
    }
}
