#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pointers to one parameter's values, gradient and state buffers, offset to one chunk.
/// Slots a rule does not use are nil.
public struct StepBuffers<T: OptimizerScalar> {
    public var p: UnsafeMutablePointer<T>
    public var g: UnsafeMutablePointer<T>
    public var s0: UnsafeMutablePointer<T>?
    public var s1: UnsafeMutablePointer<T>?
    public var s2: UnsafeMutablePointer<T>?

    /// The same buffers advanced by `offset` elements (a chunk for another thread).
    @inline(__always) public func advanced(by offset: Int) -> StepBuffers {
        StepBuffers(p: p + offset, g: g + offset, s0: s0.map { $0 + offset },
                    s1: s1.map { $0 + offset }, s2: s2.map { $0 + offset })
    }
}

/// One optimizer's update rule: the per-step scalars (bias corrections and the like, computed
/// once per step in Double) and the element-wise update, written once and generic over Float and
/// Double. The driver (`Optimizer`) owns parameters, groups, state and threading; a rule only
/// says what happens to each element.
public protocol UpdateRule {
    associatedtype Coefficients: Sendable
    /// Names of the per-element state buffers these hyper-parameters need, in slot order.
    static func stateNames(_ h: Hyperparameters) -> [String]
    /// The value each state buffer starts at (0 unless the rule says otherwise).
    static func initialStateValue(_ h: Hyperparameters) -> Double
    /// Per-parameter scalar state and its initial values (NAdam's running product of momenta).
    static func initialScalars(_ h: Hyperparameters) -> [Double]
    /// The step's scalars for step `t` (1 on the first step); may advance the scalar state.
    static func coefficients(_ h: Hyperparameters, lr: Double, step t: Int, scalars: inout [Double]) -> Coefficients
    /// The element-wise update of `count` elements: reads p, g and state, writes p and state.
    static func update<T: OptimizerScalar>(_ c: Coefficients, _ b: StepBuffers<T>, count: Int)
    /// A float32 fast path (vectorised C kernel); returns false when there is none for `c`.
    static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool
}

extension UpdateRule {
    public static func initialStateValue(_ h: Hyperparameters) -> Double { 0 }
    public static func initialScalars(_ h: Hyperparameters) -> [Double] { [] }
    public static func fastUpdate(_ c: Coefficients, _ b: StepBuffers<Float>, count: Int) -> Bool { false }
}

/// torch's `lerp` on the CPU: `a + w*(b-a)` for w < 0.5, else `b - (b-a)*(1-w)`.
@inline(__always) func lerp<T: OptimizerScalar>(_ a: T, _ b: T, _ w: T, _ oneMinusW: T, _ small: Bool) -> T {
    small ? a + w * (b - a) : b - (b - a) * oneMinusW
}

/// `x^y` in Double, as Python's `**` on floats.
@inline(__always) func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }

/// The gradient after maximize and L2 weight decay: `g = -g` if maximize, then `g + wd*p`.
@inline(__always) func effectiveGradient<T: OptimizerScalar>(_ g: T, _ p: T, maximize: Bool, l2: T) -> T {
    let gi = maximize ? -g : g
    return l2 != 0 ? gi + l2 * p : gi
}
