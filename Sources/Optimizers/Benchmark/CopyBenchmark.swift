import _CKernels

/// `descent bench copy`: the machine's memory bandwidth, the roofline of the optimizer steps,
/// measured two ways on `n` float32 values split across threads as the steps are:
///
/// - a plain copy `dst = src`, counted as 8 bytes per element (as torch_step.py counts it). Its
///   stores also read each destination line first (write-allocate), traffic it does not count,
///   so it understates what in-place kernels get;
/// - an in-place add `a += b`, 12 bytes per element: the steps' own pattern (every line written
///   was read), without their arithmetic.
///
/// A step moving B bytes per element cannot beat `bandwidth / B` elements per second.
public enum CopyBenchmark {
    public struct Result: Sendable {
        public var n: Int
        public var threads: Int
        /// Median seconds per copy.
        public var seconds: Double
        /// Median seconds per in-place add.
        public var inPlaceAddSeconds: Double
        /// Bytes read plus bytes written per second by the copy (8 per element).
        public var bytesPerSecond: Double { 8 * Double(n) / seconds }
        /// Bytes read plus bytes written per second by the in-place add (12 per element).
        public var inPlaceAddBytesPerSecond: Double { 12 * Double(n) / inPlaceAddSeconds }

        /// The JSON record `descent bench copy --format json` prints.
        public var json: JSONValue {
            .object([("what", .string("copy")), ("n", .int(n)), ("threads", .int(threads)),
                     ("seconds", .number(seconds)), ("bytes_per_second", .number(bytesPerSecond)),
                     ("in_place_add_seconds", .number(inPlaceAddSeconds)),
                     ("in_place_add_bytes_per_second", .number(inPlaceAddBytesPerSecond))])
        }
    }

    /// The median times of `repetitions` copies and in-place adds of `n` floats at `threads`
    /// threads, after `warmup` untimed ones.
    public static func measure(n: Int, threads: Int, warmup: Int = 2, repetitions: Int = 20) throws -> Result {
        try StepBenchmark.validate(n: n, threads: threads, warmup: warmup, repetitions: repetitions)
        var random = UniformFloats(seed: 2)
        let source = random.array(count: n)
        var destination = [Float](repeating: 0, count: n)
        let (copy, add) = source.withUnsafeBufferPointer { src in
            destination.withUnsafeMutableBufferPointer { dst in
                let s = src.baseAddress!, d = dst.baseAddress!
                let copy = Stopwatch.median(warmup: warmup, repetitions: repetitions) {
                    ParallelChunks.run(count: n, threads: threads) { offset, length in
                        descent_copy(d + offset, s + offset, length)
                    }
                }
                let add = Stopwatch.median(warmup: warmup, repetitions: repetitions) {
                    ParallelChunks.run(count: n, threads: threads) { offset, length in
                        descent_add_in_place(d + offset, s + offset, length)
                    }
                }
                return (copy, add)
            }
        }
        return Result(n: n, threads: threads, seconds: copy, inPlaceAddSeconds: add)
    }
}
