/// A dense float32 tensor: a shape and a contiguous row-major view of a `TensorStorage`.
///
/// `Tensor` is a small struct, but its storage is a reference: copying a tensor shares the
/// memory (like a PyTorch tensor handle, without copy-on-write). Use `copy()` for an independent
/// tensor. The elements are `storage.pointer[0 ..< count]` in row-major order (last index fastest).
public struct Tensor {
    /// The extent of each dimension; `[]` is a scalar (one element).
    public let shape: [Int]
    /// The memory; may be larger than `count` when a buffer is reused for a smaller shape.
    public let storage: TensorStorage
    /// Number of elements, the product of `shape`.
    public let count: Int

    /// A view of `storage` with the given shape (the storage must hold at least that many floats).
    public init(shape: [Int], storage: TensorStorage) {
        let n = Tensor.elementCount(of: shape)
        precondition(n <= storage.capacity,
                     "Tensor: shape \(shape) needs \(n) elements, the storage holds \(storage.capacity)")
        self.shape = shape
        self.storage = storage
        self.count = n
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(shape: shape, storage: TensorStorage(capacity: Tensor.elementCount(of: shape)))
    }

    /// A tensor with every element equal to `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(zeros: shape)
        pointer.update(repeating: value, count: count)
    }

    /// A tensor holding `values` (row-major) with the given shape.
    public init(_ values: [Float], shape: [Int]) {
        let n = Tensor.elementCount(of: shape)
        precondition(values.count == n, "Tensor: \(values.count) values do not fill shape \(shape) (\(n) elements)")
        self.init(zeros: shape)
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: n) }
    }

    /// A one-element tensor of shape `[]`.
    public init(scalar: Float) { self.init([scalar], shape: []) }

    /// The product of the extents; every extent must be >= 0.
    public static func elementCount(of shape: [Int]) -> Int {
        var n = 1
        for d in shape {
            precondition(d >= 0, "Tensor: negative extent in shape \(shape)")
            n *= d
        }
        return n
    }

    /// The first element (stable address, shared with every tensor on the same storage).
    @inlinable public var pointer: UnsafeMutablePointer<Float> { storage.pointer }

    /// Number of dimensions.
    public var rank: Int { shape.count }

    /// Rows of a matrix: `shape[0]` (1 for a scalar or vector viewed as one row).
    public var rows: Int { shape.count >= 2 ? shape[0] : 1 }

    /// Columns of a matrix: the product of every extent after the first (the vector length for rank 1).
    public var columns: Int { shape.count >= 2 ? count / Swift.max(shape[0], 1) : count }

    /// The elements in row-major order.
    public var scalars: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// The only element of a one-element tensor.
    public var item: Float {
        precondition(count == 1, "Tensor.item: shape \(shape) has \(count) elements, expected 1")
        return pointer[0]
    }

    /// Element at a flat row-major index.
    public subscript(flat index: Int) -> Float {
        get { precondition(index >= 0 && index < count, "Tensor: index \(index) out of 0..<\(count)"); return pointer[index] }
        nonmutating set { precondition(index >= 0 && index < count, "Tensor: index \(index) out of 0..<\(count)"); pointer[index] = newValue }
    }

    /// Element of a matrix at (row, column).
    public subscript(row: Int, column: Int) -> Float {
        get { pointer[flatIndex(row, column)] }
        nonmutating set { pointer[flatIndex(row, column)] = newValue }
    }

    private func flatIndex(_ r: Int, _ c: Int) -> Int {
        precondition(shape.count == 2, "Tensor: (row, column) subscript on shape \(shape)")
        precondition(r >= 0 && r < shape[0] && c >= 0 && c < shape[1],
                     "Tensor: (\(r), \(c)) out of shape \(shape)")
        return r * shape[1] + c
    }

    /// The same storage viewed with another shape of the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        let n = Tensor.elementCount(of: newShape)
        precondition(n == count, "Tensor.reshaped: \(shape) (\(count) elements) cannot become \(newShape) (\(n))")
        return Tensor(shape: newShape, storage: storage)
    }

    /// Rows `range` of this tensor (along its first dimension) as a tensor over the same memory:
    /// writing one writes the other. Allocates a small view object; make views once, not per step.
    public func rows(_ range: Range<Int>) -> Tensor {
        precondition(rank >= 1 && range.lowerBound >= 0 && range.upperBound <= shape[0],
                     "Tensor.rows: rows \(range) of shape \(shape)")
        let width = rank == 1 ? 1 : count / Swift.max(shape[0], 1)
        var viewShape = shape
        viewShape[0] = range.count
        return Tensor(shape: viewShape, storage: TensorStorage(viewing: storage, offset: range.lowerBound * width,
                                                               capacity: range.count * width))
    }

    /// An independent tensor with the same shape and values.
    public func copy() -> Tensor {
        let t = Tensor(zeros: shape)
        t.pointer.update(from: pointer, count: count)
        return t
    }

    /// Overwrites the elements with those of `source` (same element count).
    public func assign(from source: Tensor) {
        precondition(source.count == count, "Tensor.assign: \(source.shape) into \(shape)")
        if source.pointer != pointer { pointer.update(from: source.pointer, count: count) }
    }

    /// Sets every element to `value`.
    public func fill(_ value: Float) { pointer.update(repeating: value, count: count) }

    /// Whether `other` has the same shape as this tensor (no allocation).
    @inlinable public func hasShape(_ other: [Int]) -> Bool { shape == other }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let shown = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(shape: \(shape), [\(shown)\(count > 8 ? ", …" : "")])"
    }
}
