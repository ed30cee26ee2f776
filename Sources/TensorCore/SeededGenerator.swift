/// A seeded pseudo-random generator of our own (xoshiro256**, seeded through SplitMix64), so
/// that a run repeats bit for bit on any machine and its state can be saved in a checkpoint.
///
/// Uniform doubles take the top 53 bits: `Double(next() >> 11) * 2⁻⁵³`, in [0, 1).
/// Normal samples use Box–Muller on two uniforms (both outputs are used, the spare is cached).
public struct SeededGenerator: RandomNumberGenerator, Codable, Equatable, Sendable {
    public private(set) var state: [UInt64]
    /// The second Box–Muller output, kept for the next `normal()` call.
    public private(set) var spareNormal: Double?

    public init(seed: UInt64) {
        var s = seed
        var words = [UInt64]()
        for _ in 0..<4 { words.append(SeededGenerator.splitMix64(&s)) }
        if words.allSatisfy({ $0 == 0 }) { words[0] = 1 }
        state = words
        spareNormal = nil
    }

    static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = SeededGenerator.rotl(state[1] &* 5, 7) &* 9
        let t = state[1] << 17
        state[2] ^= state[0]
        state[3] ^= state[1]
        state[1] ^= state[2]
        state[0] ^= state[3]
        state[2] ^= t
        state[3] = SeededGenerator.rotl(state[3], 45)
        return result
    }

    /// A uniform double in [0, 1).
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in 0..<bound (unbiased, by rejection).
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        let limit = UInt64.max - (UInt64.max % b)
        while true {
            let x = next()
            if x < limit { return Int(x % b) }
        }
    }

    /// A standard normal sample (Box–Muller).
    public mutating func normal() -> Double {
        if let s = spareNormal { spareNormal = nil; return s }
        var u1 = uniform()
        while u1 <= 0 { u1 = uniform() }
        let u2 = uniform()
        let r = (-2 * _log(u1)).squareRoot()
        let a = 2 * Double.pi * u2
        spareNormal = r * _sin(a)
        return r * _cos(a)
    }

    /// Fisher–Yates shuffle driven by this generator (the same permutation on every machine).
    /// Inlinable so that callers in other modules get a specialised, allocation-free loop.
    @inlinable
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = int(below: i + 1)
            if i != j { a.swapAt(i, j) }
        }
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) func _sin(_ x: Double) -> Double { Glibc.sin(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Darwin
@inline(__always) func _log(_ x: Double) -> Double { Darwin.log(x) }
@inline(__always) func _sin(_ x: Double) -> Double { Darwin.sin(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
