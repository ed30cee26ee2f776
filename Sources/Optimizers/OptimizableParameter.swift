/// The scalar types an optimizer runs in: `Float` for training, `Double` for traces and tests.
public protocol OptimizerScalar: BinaryFloatingPoint, Codable, Sendable
where Self.RawSignificand: FixedWidthInteger {}
extension Float: OptimizerScalar {}
extension Double: OptimizerScalar {}

/// Anything an optimizer can update in place: a flat buffer of `count` values and, when the
/// parameter took part in the last backward pass, a gradient buffer of the same length.
///
/// The optimizer reads and writes through these pointers directly (no copy). Conformers keep the
/// storage alive and at a fixed address for as long as the optimizer holds the parameter.
/// A `nil` gradient means "no gradient": the step skips the parameter and leaves its state alone.
public protocol OptimizableParameter<Scalar>: AnyObject {
    associatedtype Scalar: OptimizerScalar
    /// Number of elements.
    var count: Int { get }
    /// The values, updated in place by `step()`.
    var valuePointer: UnsafeMutablePointer<Scalar> { get }
    /// The gradient, or nil when the parameter has none this step. Clipping scales it in place.
    var gradientPointer: UnsafeMutablePointer<Scalar>? { get }
}

/// A parameter that owns its storage: a flat array of values and an optional gradient.
/// Used by the 2-D traces, the tests and anyone who has plain arrays.
public final class FlatParameter<Scalar: OptimizerScalar>: OptimizableParameter {
    public let count: Int
    public let valuePointer: UnsafeMutablePointer<Scalar>
    private let gradStorage: UnsafeMutablePointer<Scalar>
    /// Whether the gradient is present (set by `setGradient`, cleared by `clearGradient`).
    public private(set) var hasGradient = false

    public init(_ values: [Scalar]) {
        count = values.count
        valuePointer = .allocate(capacity: Swift.max(count, 1))
        gradStorage = .allocate(capacity: Swift.max(count, 1))
        valuePointer.initialize(from: values, count: count)
        gradStorage.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    deinit {
        valuePointer.deallocate()
        gradStorage.deallocate()
    }

    public var gradientPointer: UnsafeMutablePointer<Scalar>? { hasGradient ? gradStorage : nil }

    public var values: [Scalar] {
        get { Array(UnsafeBufferPointer(start: valuePointer, count: count)) }
        set {
            precondition(newValue.count == count, "FlatParameter: \(newValue.count) values for \(count) elements")
            valuePointer.update(from: newValue, count: count)
        }
    }

    public var gradient: [Scalar]? {
        hasGradient ? Array(UnsafeBufferPointer(start: gradStorage, count: count)) : nil
    }

    public func setGradient(_ g: [Scalar]) {
        precondition(g.count == count, "FlatParameter: gradient of \(g.count) for \(count) elements")
        gradStorage.update(from: g, count: count)
        hasGradient = true
    }

    public func clearGradient() { hasGradient = false }
}
