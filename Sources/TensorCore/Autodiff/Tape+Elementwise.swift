/// Same-shape elementwise arithmetic.
/// add: `C = A + B`, dA = dC, dB = dC.  subtract: `C = A - B`, dA = dC, dB = -dC.
/// multiply: `C = A ⊙ B`, dA = dC ⊙ B, dB = dC ⊙ A.
extension Variable {
    public static func + (a: Variable, b: Variable) -> Variable { a.tape.elementwise(.add(a.id, b.id), a, b) }
    public static func - (a: Variable, b: Variable) -> Variable { a.tape.elementwise(.subtract(a.id, b.id), a, b) }
    public static func * (a: Variable, b: Variable) -> Variable { a.tape.elementwise(.multiply(a.id, b.id), a, b) }
}

extension Tape {
    func elementwise(_ op: Op, _ a: Variable, _ b: Variable) -> Variable {
        let av = value(a), bv = value(b)
        precondition(av.shape == bv.shape, "elementwise \(op): shapes differ: \(av.shape) and \(bv.shape)")
        let out = outputBuffer(like: av.shape)
        switch op {
        case .add: Kernels.add(av.pointer, bv.pointer, out.pointer, count: out.count)
        case .subtract: Kernels.subtract(av.pointer, bv.pointer, out.pointer, count: out.count)
        default: Kernels.multiply(av.pointer, bv.pointer, out.pointer, count: out.count)
        }
        return record(op, value: out, a, b)
    }

    func addPullback(_ id: Int, _ a: Int, _ b: Int, sign: Float) {
        let dC = gradientBuffer(id)
        if let t = gradientTarget(a) {
            Kernels.writeOrAccumulate(dC.pointer, scaledBy: 1, into: t.tensor.pointer, count: dC.count, accumulate: t.accumulate)
        }
        if let t = gradientTarget(b) {
            Kernels.writeOrAccumulate(dC.pointer, scaledBy: sign, into: t.tensor.pointer, count: dC.count, accumulate: t.accumulate)
        }
    }

    func multiplyPullback(_ id: Int, _ a: Int, _ b: Int) {
        let dC = gradientBuffer(id)
        if let t = gradientTarget(a) {
            Kernels.multiplyAdd(dC.pointer, nodes[b].value.pointer, into: t.tensor.pointer, count: dC.count, accumulate: t.accumulate)
        }
        if let t = gradientTarget(b) {
            Kernels.multiplyAdd(dC.pointer, nodes[a].value.pointer, into: t.tensor.pointer, count: dC.count, accumulate: t.accumulate)
        }
    }
}
