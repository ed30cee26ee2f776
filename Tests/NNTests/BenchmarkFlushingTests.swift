import Datasets
import NN
import TensorCore
import Testing

/// Training steps run with subnormals flushed to zero (`SubnormalFlushing`) and the matrix
/// products set up by `ParallelGEMM`, both per thread and scoped: the benchmarks and
/// `TrainingRun` restore the calling thread's modes.
@Suite struct BenchmarkFlushingTests {
    /// Half the smallest normal float, computed at run time (not folded by the compiler).
    static func halfOfSmallestNormal(_ scale: Float) -> Float { Float.leastNormalMagnitude * scale }

    @Test func withFlushingFlushesSubnormalResultsAndRestoresTheMode() {
        let before = SubnormalFlushing.isEnabled
        let inside = SubnormalFlushing.withFlushing { (SubnormalFlushing.isEnabled, Self.halfOfSmallestNormal(0.5)) }
        #expect(SubnormalFlushing.isEnabled == before)
        #if os(Linux) && arch(x86_64)
        #expect(inside.0)
        #expect(inside.1 == 0)
        if !before { #expect(Self.halfOfSmallestNormal(0.5) > 0) }
        #endif
    }

    @Test func theTrainingSetupIsScopedToTheCallingThread() throws {
        let flushing = SubnormalFlushing.isEnabled, splitting = ParallelGEMM.isEnabled
        let inside = TrainingRun.withTrainingSetup(threads: 2) { (SubnormalFlushing.isEnabled, ParallelGEMM.isEnabled) }
        #expect(inside.1)
        #expect(SubnormalFlushing.isEnabled == flushing && ParallelGEMM.isEnabled == splitting)
        let data = TrainerTestSupport.split(TrainerTestSupport.blobs(rows: 64, features: 784, classes: 10))
        _ = try MLPBenchmark.measure(optimizer: "sgd", data: data,
                                     settings: .init(iterations: 2, threads: 2, evaluateTestSet: false))
        #expect(SubnormalFlushing.isEnabled == flushing && ParallelGEMM.isEnabled == splitting)
    }
}
