/// Tensor-level elementwise operations: an `into:` form that writes into a given tensor
/// (no allocation) and, for convenience, operators that return a new tensor.
extension Tensor {
    private static func checkSame(_ op: String, _ a: Tensor, _ b: Tensor) {
        precondition(a.shape == b.shape, "Tensor.\(op): shapes differ: \(a.shape) and \(b.shape)")
    }

    /// `out = a + b`.
    public static func add(_ a: Tensor, _ b: Tensor, into out: Tensor) {
        checkSame("add", a, b); checkSame("add", a, out)
        Kernels.add(a.pointer, b.pointer, out.pointer, count: a.count)
    }

    /// `out = a - b`.
    public static func subtract(_ a: Tensor, _ b: Tensor, into out: Tensor) {
        checkSame("subtract", a, b); checkSame("subtract", a, out)
        Kernels.subtract(a.pointer, b.pointer, out.pointer, count: a.count)
    }

    /// `out = a ⊙ b` (elementwise product).
    public static func multiply(_ a: Tensor, _ b: Tensor, into out: Tensor) {
        checkSame("multiply", a, b); checkSame("multiply", a, out)
        Kernels.multiply(a.pointer, b.pointer, out.pointer, count: a.count)
    }

    /// `out = alpha · x`.
    public static func scale(_ x: Tensor, by alpha: Float, into out: Tensor) {
        checkSame("scale", x, out)
        Kernels.scale(x.pointer, by: alpha, out.pointer, count: x.count)
    }

    /// `self += alpha · x` (BLAS axpy).
    public func axpy(_ alpha: Float, _ x: Tensor) {
        Tensor.checkSame("axpy", x, self)
        Kernels.axpy(alpha, x.pointer, pointer, count: count)
    }

    /// `out = activation(x)`.
    public static func activate(_ x: Tensor, _ activation: Activation, into out: Tensor) {
        checkSame("activate", x, out)
        switch activation {
        case .relu: Kernels.relu(x.pointer, out.pointer, count: x.count)
        case .sigmoid: Kernels.sigmoid(x.pointer, out.pointer, count: x.count)
        case .tanh: Kernels.tanh(x.pointer, out.pointer, count: x.count)
        case .identity: out.assign(from: x)
        }
    }

    /// `dx = dy ⊙ activation'(x)` from the forward output `y` (or `dx += …` when `accumulate`).
    public static func activationBackward(_ activation: Activation, output y: Tensor, outputGradient dy: Tensor,
                                          into dx: Tensor, accumulate: Bool = false) {
        checkSame("activationBackward", y, dy); checkSame("activationBackward", y, dx)
        let n = y.count
        switch activation {
        case .relu: Kernels.reluBackward(output: y.pointer, outputGradient: dy.pointer, inputGradient: dx.pointer, count: n, accumulate: accumulate)
        case .sigmoid: Kernels.sigmoidBackward(output: y.pointer, outputGradient: dy.pointer, inputGradient: dx.pointer, count: n, accumulate: accumulate)
        case .tanh: Kernels.tanhBackward(output: y.pointer, outputGradient: dy.pointer, inputGradient: dx.pointer, count: n, accumulate: accumulate)
        case .identity: Kernels.writeOrAccumulate(dy.pointer, scaledBy: 1, into: dx.pointer, count: n, accumulate: accumulate)
        }
    }

    /// `out[r, c] = x[r, c] + bias[c]` for a `[rows, cols]` matrix and a bias of `cols` elements.
    public static func addBias(_ x: Tensor, _ bias: Tensor, into out: Tensor) {
        precondition(x.rank == 2 && bias.count == x.shape[1],
                     "Tensor.addBias: a bias of shape \(bias.shape) does not fit the rows of \(x.shape)")
        checkSame("addBias", x, out)
        Kernels.addBias(x.pointer, bias: bias.pointer, out.pointer, rows: x.shape[0], columns: x.shape[1])
    }

    /// `a + b` as a new tensor.
    public static func + (a: Tensor, b: Tensor) -> Tensor { let o = Tensor(zeros: a.shape); add(a, b, into: o); return o }
    /// `a - b` as a new tensor.
    public static func - (a: Tensor, b: Tensor) -> Tensor { let o = Tensor(zeros: a.shape); subtract(a, b, into: o); return o }
    /// `a ⊙ b` as a new tensor.
    public static func * (a: Tensor, b: Tensor) -> Tensor { let o = Tensor(zeros: a.shape); multiply(a, b, into: o); return o }
    /// `alpha · x` as a new tensor.
    public static func * (alpha: Float, x: Tensor) -> Tensor { let o = Tensor(zeros: x.shape); scale(x, by: alpha, into: o); return o }
}

/// Reductions and per-row queries.
extension Tensor {
    /// Σ of all elements.
    public func sum() -> Float { Kernels.sum(pointer, count: count) }

    /// Mean of all elements.
    public func mean() -> Float { Kernels.mean(pointer, count: count) }

    /// Column sums of a `[rows, cols]` matrix, shape `[cols]`.
    public func columnSums() -> Tensor {
        precondition(rank == 2, "Tensor.columnSums: needs a matrix, got \(shape)")
        let out = Tensor(zeros: [shape[1]])
        Kernels.columnSums(pointer, rows: shape[0], columns: shape[1], into: out.pointer, accumulate: false)
        return out
    }

    /// Largest element of each row of a `[rows, cols]` matrix, shape `[rows]`.
    public func rowMax() -> Tensor {
        precondition(rank == 2, "Tensor.rowMax: needs a matrix, got \(shape)")
        let out = Tensor(zeros: [shape[0]])
        Kernels.rowMax(pointer, rows: shape[0], columns: shape[1], into: out.pointer)
        return out
    }

    /// Index of the largest element of each row (first on ties): predicted classes from logits.
    public func argmaxPerRow() -> [Int] {
        precondition(rank == 2, "Tensor.argmaxPerRow: needs a matrix, got \(shape)")
        return (0..<shape[0]).map { Kernels.argmax(row: $0, of: pointer, columns: shape[1]) }
    }
}
