import Optimizers
import Testing

@Suite("step benchmark")
struct StepBenchmarkTests {
    @Test("every optimizer is timed through the driver, checked and unchecked, with its bytes per element")
    func measuresEveryOptimizer() throws {
        let bytes: [String: Int] = ["sgd": 12, "momentum": 20, "adagrad": 20, "rmsprop": 20, "adadelta": 28,
                                    "adam": 28, "adamw": 28, "adamax": 28, "nadam": 28, "radam": 28, "lion": 20]
        #expect(Set(StepBenchmark.names) == Set(bytes.keys))
        for name in StepBenchmark.names {
            let r = try StepBenchmark.measure(optimizer: name, n: 1000, threads: 2, warmup: 1, repetitions: 3)
            #expect(r.optimizer == name && r.n == 1000 && r.threads == 2)
            #expect(r.secondsPerStep > 0 && r.uncheckedSecondsPerStep > 0)
            #expect(r.elementsPerSecond == 1000 / r.secondsPerStep)
            #expect(r.bytesPerElement == bytes[name], "\(name)")
            let keys = r.json.objectValue?.map(\.0) ?? []
            #expect(Array(keys.prefix(5)) == ["optimizer", "n", "threads", "seconds_per_step", "elements_per_second"])
            #expect(r.json["unchecked_elements_per_second"]?.numberValue == r.uncheckedElementsPerSecond)
        }
    }

    @Test("bad arguments are refused with the argument, the value and what is allowed")
    func refusesBadArguments() {
        #expect(throws: BenchmarkError.invalidArgument(name: "optimizer", value: "adamm",
                                                        allowed: StepBenchmark.names.joined(separator: ", "))) {
            try StepBenchmark.measure(optimizer: "adamm", n: 10, threads: 1)
        }
        #expect(throws: BenchmarkError.invalidArgument(name: "n", value: "0", allowed: "an integer ≥ 1")) {
            try StepBenchmark.measure(optimizer: "adam", n: 0, threads: 1)
        }
        #expect(throws: BenchmarkError.invalidArgument(name: "threads", value: "0", allowed: "an integer ≥ 1")) {
            try CopyBenchmark.measure(n: 10, threads: 0)
        }
    }

    @Test("with two threads a large step reports the helper thread's share of the halves")
    func helperShare() throws {
        let r = try StepBenchmark.measure(optimizer: "sgd", n: 2 * ParallelChunks.helperThreshold, threads: 2,
                                          warmup: 1, repetitions: 3)
        // Other tests share the helper, so only the presence and sign are certain here.
        let share = try #require(r.helperShare)
        #expect(share >= 0)
        #expect(r.json["helper_share"]?.numberValue == share)
    }

    @Test("the bandwidth benchmark counts 8 bytes per copied element, 12 per element added in place")
    func copyBandwidth() throws {
        let r = try CopyBenchmark.measure(n: 100_003, threads: 2, warmup: 1, repetitions: 3)
        #expect(r.seconds > 0 && r.bytesPerSecond == 8 * 100_003 / r.seconds)
        #expect(r.inPlaceAddSeconds > 0 && r.inPlaceAddBytesPerSecond == 12 * 100_003 / r.inPlaceAddSeconds)
        #expect(r.json["in_place_add_bytes_per_second"]?.numberValue == r.inPlaceAddBytesPerSecond)
    }

    @Test("median of odd and even counts")
    func median() {
        #expect(Stopwatch.median(of: [3, 1, 2]) == 2)
        #expect(Stopwatch.median(of: [4, 1, 3, 2]) == 2.5)
    }
}
