/// A reverse-mode autodiff tape, as PyTorch users know it: operations on `Variable`s run
/// eagerly and are recorded here; `loss.backward()` walks the record backwards, calling each
/// primitive's pullback, and leaves dLoss/dp in every `ParameterTensor.grad`.
///
/// Built for a training loop that allocates nothing in its steady state: `reset()` clears the
/// record but keeps every buffer, and the buffer of the n-th recorded operation is reused by
/// the n-th operation of the next step (same shape: reused as is; fewer elements: a view of it).
/// Values returned by operations are therefore valid until the tape is reset.
public final class Tape {
    /// One recorded operation: what it was, its result and whether a gradient flows into it.
    struct Node {
        var op: Op
        var value: Tensor
        var requiresGrad: Bool
    }

    var nodes: [Node] = []
    /// Result buffers by tape position.
    var valueCache: [Tensor?] = []
    /// Gradient buffers by tape position, and whether the gradient at that position is present.
    var gradCache: [Tensor?] = []
    var gradPresent: [Bool] = []
    /// Extra per-operation buffers (softmax probabilities, pre-activation gradients).
    var scratchCache: [Tensor?] = []
    /// Integer labels of the loss operations recorded since the last reset.
    var labels: [Int32] = []
    /// Parameters recorded in place of others, by the replaced parameter (`substitute(_:with:)`).
    private var substitutes: [ObjectIdentifier: ParameterTensor] = [:]
    /// Bumped by `reset()`; a `Variable` from an older generation may no longer be used.
    public private(set) var generation = 0

    public init() {}

    /// Forgets the recorded operations (keeps every buffer for the next step).
    public func reset() {
        nodes.removeAll(keepingCapacity: true)
        labels.removeAll(keepingCapacity: true)
        generation &+= 1
    }

    /// Number of operations recorded since the last reset.
    public var count: Int { nodes.count }

    /// A leaf for a tensor that needs no gradient (inputs, targets). The tensor is not copied.
    public func constant(_ tensor: Tensor) -> Variable {
        append(Node(op: .constant, value: tensor, requiresGrad: false))
    }

    /// A leaf for a trainable parameter: backward accumulates into `parameter.grad` (or into the
    /// gradient of its substitute on this tape, see `substitute(_:with:)`).
    public func parameter(_ parameter: ParameterTensor) -> Variable {
        let p = substitutes.isEmpty ? parameter : substitutes[ObjectIdentifier(parameter)] ?? parameter
        return append(Node(op: .parameter(p), value: p.value, requiresGrad: p.requiresGrad))
    }

    /// From now on `parameter(original)` records `replacement` in its place. With a replacement
    /// that shares the original's value (`ParameterTensor(original.value)`), a model run on this
    /// tape computes with its own weights but backward fills the replacement's gradient: how a
    /// second tape computes the gradients of another part of a batch while the first tape fills
    /// the parameters' own (`SplitBatchGradients`). The tape keeps `replacement`; `original` is
    /// looked up by identity, so it must live as long as the tape records it (a model's do).
    public func substitute(_ original: ParameterTensor, with replacement: ParameterTensor) {
        substitutes[ObjectIdentifier(original)] = replacement
    }

    // MARK: - Recording helpers for the primitives

    func append(_ node: Node) -> Variable {
        let id = nodes.count
        nodes.append(node)
        if gradPresent.count <= id { gradPresent.append(false) } else { gradPresent[id] = false }
        return Variable(tape: self, id: id, generation: generation)
    }

    /// Records an operation whose result is `value`; a gradient flows if any input needs one.
    /// (Fixed arities rather than a variadic list, which would allocate an array per call.)
    func record(_ op: Op, value: Tensor, _ a: Variable, _ b: Variable? = nil, _ c: Variable? = nil) -> Variable {
        var needs = nodes[a.id].requiresGrad
        if let b, nodes[b.id].requiresGrad { needs = true }
        if let c, nodes[c.id].requiresGrad { needs = true }
        return append(Node(op: op, value: value, requiresGrad: needs))
    }

    /// The value of a variable, checking that it belongs to this tape's current generation.
    func value(_ v: Variable) -> Tensor {
        precondition(v.tape === self && v.generation == generation,
                     "Tape: variable \(v.id) was recorded before the last reset() or on another tape")
        return nodes[v.id].value
    }

    /// The result buffer for the next operation, a `[rows, cols]` matrix (reused when it fits).
    func outputBuffer(rows: Int, columns: Int) -> Tensor {
        let id = nodes.count
        if let t = cached(valueCache, id), t.rank == 2, t.shape[0] == rows, t.shape[1] == columns { return t }
        return store(&valueCache, id, shape: [rows, columns])
    }

    /// The result buffer for the next operation, shaped like `shape` (reused when it fits).
    func outputBuffer(like shape: [Int]) -> Tensor {
        let id = nodes.count
        if let t = cached(valueCache, id), t.shape == shape { return t }
        return store(&valueCache, id, shape: shape)
    }

    /// A private buffer of operation `id` (at most one per operation), shaped like `shape`.
    func scratchBuffer(_ id: Int, like shape: [Int]) -> Tensor {
        if let t = cached(scratchCache, id), t.shape == shape { return t }
        return store(&scratchCache, id, shape: shape)
    }

    /// The gradient buffer of operation `id`, shaped like its value.
    func gradientBuffer(_ id: Int) -> Tensor {
        let shape = nodes[id].value.shape
        if let t = cached(gradCache, id), t.shape == shape { return t }
        return store(&gradCache, id, shape: shape)
    }

    private func cached(_ cache: [Tensor?], _ id: Int) -> Tensor? { id < cache.count ? cache[id] : nil }

    /// Puts a buffer of `shape` at `cache[id]`, reusing the old storage when it is large enough.
    private func store(_ cache: inout [Tensor?], _ id: Int, shape: [Int]) -> Tensor {
        while cache.count <= id { cache.append(nil) }
        let needed = Tensor.elementCount(of: shape)
        let t: Tensor
        if let old = cache[id], old.storage.capacity >= needed { t = Tensor(shape: shape, storage: old.storage) }
        else { t = Tensor(zeros: shape) }
        cache[id] = t
        return t
    }

    /// Where a pullback writes the gradient for input `id`, and whether it must add to what is
    /// there (a second use of the same input) or may overwrite it (first contribution). Nil
    /// when the input needs no gradient. Marks the gradient as present.
    func gradientTarget(_ id: Int) -> (tensor: Tensor, accumulate: Bool)? {
        guard nodes[id].requiresGrad else { return nil }
        if case .parameter(let p) = nodes[id].op {
            let accumulate = p.hasGradient
            p.hasGradient = true
            return (p.grad, accumulate)
        }
        let accumulate = gradPresent[id]
        gradPresent[id] = true
        return (gradientBuffer(id), accumulate)
    }

    /// The gradient of a recorded variable after `backward`, or nil when none reached it.
    func gradient(_ v: Variable) -> Tensor? {
        _ = value(v)
        if case .parameter(let p) = nodes[v.id].op { return p.gradient }
        return gradPresent[v.id] ? gradientBuffer(v.id) : nil
    }
}
