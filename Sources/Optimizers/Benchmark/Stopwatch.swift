/// Times repetitions of a piece of work on the monotonic clock and reports their median, the
/// figure least moved by one slow run on a shared machine.
public enum Stopwatch {
    /// Seconds taken by one call of `work`.
    public static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try work()
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// The median of `repetitions` timings of `work`, after `warmup` untimed calls.
    public static func median(warmup: Int, repetitions: Int, _ work: () throws -> Void) rethrows -> Double {
        for _ in 0..<warmup { try work() }
        var times: [Double] = []
        times.reserveCapacity(repetitions)
        for _ in 0..<repetitions { times.append(try seconds(work)) }
        return median(of: times)
    }

    /// The middle value (the mean of the two middle ones for an even count); `values` not empty.
    public static func median(of values: [Double]) -> Double {
        let s = values.sorted()
        let k = s.count / 2
        return s.count % 2 == 1 ? s[k] : (s[k - 1] + s[k]) / 2
    }
}
