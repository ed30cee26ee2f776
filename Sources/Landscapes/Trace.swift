import Optimizers

/// Where a run stopped being finite: the 1-based step whose update (or whose gradient) went to
/// NaN or infinity, the 0-based coordinate if one is to blame, and what became non-finite.
public struct Divergence: Equatable, Sendable {
    public enum Quantity: String, Sendable { case position, gradient, value }
    public var step: Int
    public var coordinate: Int?
    public var quantity: Quantity
    public var value: Double

    public var message: String {
        let name = coordinate.map { "x\($0 + 1)" } ?? "f"
        return "diverged at step \(step): the \(quantity.rawValue) \(name) became \(value)"
    }
}

/// A finished trace: `steps + 1` points (start first), f before each update, the lr of each step.
/// A divergent run stops at the last finite point and says where it left.
public struct TraceResult: Sendable {
    public var spec: TraceSpec
    public var points: [[Double]]
    public var values: [Double]
    public var lrs: [Double]
    public var divergence: Divergence?

    /// f at the last point.
    public var finalValue: Double { spec.function.value(points[points.count - 1]) }
}

/// Runs the spec's optimizer on its function, in `Scalar` (Double by default, as the CLI and the
/// golden files; Float to see float32 behaviour). The gradient is the analytic one, in Double.
public func runTrace<Scalar: OptimizerScalar>(_ spec: TraceSpec, as _: Scalar.Type = Double.self) throws -> TraceResult {
    let fn = spec.function
    let param = FlatParameter<Scalar>(spec.start.map { Scalar($0) })
    let optimizer = try Optimizer<Scalar>(spec.optimizer, parameters: [param])
    let scheduler = try spec.schedule.map { try LRScheduler($0.make(), optimizer: optimizer) }
    var result = TraceResult(spec: spec, points: [spec.start], values: [], lrs: [], divergence: nil)
    result.points.reserveCapacity(spec.steps + 1)
    result.values.reserveCapacity(spec.steps)
    for k in 0..<spec.steps {
        let x = param.values.map { Double($0) }
        let f = fn.value(x)
        guard f.isFinite else {
            result.divergence = Divergence(step: k, coordinate: nil, quantity: .value, value: f)
            break
        }
        let g = fn.gradient(x).map { Scalar($0) }
        param.setGradient(g)
        let lr = optimizer.learningRate
        do {
            try optimizer.step()
        } catch let OptimizerError.nonFiniteGradient(_, _, index, _) {
            result.divergence = Divergence(step: k + 1, coordinate: index, quantity: .gradient, value: Double(g[index]))
            break
        }
        let next = param.values.map { Double($0) }
        if let i = next.firstIndex(where: { !$0.isFinite }) {
            result.divergence = Divergence(step: k + 1, coordinate: i, quantity: .position, value: next[i])
            break
        }
        result.values.append(f)
        result.lrs.append(lr)
        result.points.append(next)
        scheduler?.step()
    }
    return result
}
