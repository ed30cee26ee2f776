/// Checks a tape's gradients against central finite differences.
///
/// The function `f` maps input tensors to an output of any shape; the check reduces it to the
/// scalar `L = Σᵢ wᵢ yᵢ` with fixed random weights w (so every output element matters) and
/// compares the tape's dL/dx (`backward(seed: w)`) with
/// `(L(x + ε eⱼ) - L(x - ε eⱼ)) / ((x + ε) - (x - ε))`, the forwards evaluated in float32 as
/// always, and L, the difference and the step (the float32-rounded one) in Double.
public enum GradientCheck {
    /// The analytic and numeric gradients of each input, flat.
    public struct Report: Sendable {
        public var analytic: [[Double]]
        public var numeric: [[Double]]

        public init(analytic: [[Double]], numeric: [[Double]]) {
            self.analytic = analytic
            self.numeric = numeric
        }

        /// Largest |analytic - numeric| over all elements.
        public var maxAbsoluteError: Double { pairs.map { abs($0.0 - $0.1) }.max() ?? 0 }

        /// Largest |analytic - numeric| / max(|analytic|, |numeric|) over elements where either is nonzero.
        public var maxRelativeError: Double {
            pairs.map { a, n in let d = Swift.max(abs(a), abs(n)); return d == 0 ? 0 : abs(a - n) / d }.max() ?? 0
        }

        /// The elements outside `|a - n| <= absolute + relative · max(|a|, |n|)`, described.
        public func mismatches(relative: Double, absolute: Double) -> [String] {
            var out: [String] = []
            for (i, (a, n)) in zip(analytic, numeric).enumerated() {
                for j in a.indices where abs(a[j] - n[j]) > absolute + relative * Swift.max(abs(a[j]), abs(n[j])) {
                    out.append("input \(i) element \(j): analytic \(a[j]), numeric \(n[j])")
                }
            }
            return out
        }

        private var pairs: [(Double, Double)] { zip(analytic.joined(), numeric.joined()).map { ($0, $1) } }
    }

    /// Compares the gradients of `f` with respect to every element of every input.
    /// The inputs are perturbed in place and restored.
    public static func check(inputs: [Tensor], epsilon: Float = 1e-3, seed: UInt64 = 7,
                             _ f: (Tape, [Variable]) -> Variable) -> Report {
        let parameters = inputs.enumerated().map { ParameterTensor($1, name: "input\($0)") }
        let tape = Tape()
        func run() -> Tensor {
            tape.reset()
            return f(tape, parameters.map { tape.parameter($0) }).value
        }
        let y = run()
        var generator = SeededGenerator(seed: seed)
        let weights = Tensor((0..<y.count).map { _ in Float(generator.normal()) }, shape: y.shape)
        func weightedSum(_ y: Tensor) -> Double {
            (0..<y.count).reduce(0.0) { $0 + Double(weights.pointer[$1]) * Double(y.pointer[$1]) }
        }

        for p in parameters { p.zeroGrad() }
        tape.reset()
        f(tape, parameters.map { tape.parameter($0) }).backward(seed: weights)
        let analytic = parameters.map { p in (0..<p.count).map { Double(p.hasGradient ? p.grad.pointer[$0] : 0) } }

        var numeric: [[Double]] = []
        for x in inputs {
            var column: [Double] = []
            for j in 0..<x.count {
                let saved = x.pointer[j]
                let up = saved + epsilon, down = saved - epsilon
                x.pointer[j] = up
                let lUp = weightedSum(run())
                x.pointer[j] = down
                let lDown = weightedSum(run())
                x.pointer[j] = saved
                column.append((lUp - lDown) / (Double(up) - Double(down)))
            }
            numeric.append(column)
        }
        return Report(analytic: analytic, numeric: numeric)
    }
}
