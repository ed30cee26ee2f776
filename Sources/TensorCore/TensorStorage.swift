/// The memory behind a `Tensor`: `capacity` floats at a fixed address, owned by this object
/// and freed when the last reference goes away — or, for a view (`init(viewing:offset:capacity:)`),
/// part of another storage's memory, which the view keeps alive.
///
/// A reference type on purpose: a tensor's storage never moves and is never copied behind your
/// back, so an optimizer can hold `pointer` across steps and a training step can reuse the same
/// buffers every iteration. Tensors of different shapes may share one storage (`count <= capacity`).
public final class TensorStorage {
    /// The first element. Stable for the lifetime of the storage.
    public let pointer: UnsafeMutablePointer<Float>
    /// How many floats the storage holds.
    public let capacity: Int
    /// The storage whose memory this one views (nil when this one owns its memory).
    private let owner: TensorStorage?

    /// Allocates `capacity` floats, all zero.
    public init(capacity: Int) {
        precondition(capacity >= 0, "TensorStorage: capacity \(capacity) must be >= 0")
        self.capacity = capacity
        // Round up to whole 64-byte lines so SIMD tails never straddle another allocation's line.
        let rounded = Swift.max(16, (capacity + 15) & ~15)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: rounded * MemoryLayout<Float>.stride, alignment: 64)
        pointer = raw.bindMemory(to: Float.self, capacity: rounded)
        pointer.initialize(repeating: 0, count: rounded)
        owner = nil
    }

    /// A view of `capacity` floats of `storage`, from element `offset` on: the same memory, not
    /// a copy (e.g. the rows of one half of a batch).
    public init(viewing storage: TensorStorage, offset: Int, capacity: Int) {
        precondition(offset >= 0 && capacity >= 0 && offset + capacity <= storage.capacity,
                     "TensorStorage: a view of \(offset)..<\(offset + capacity) of a storage of \(storage.capacity)")
        pointer = storage.pointer + offset
        self.capacity = capacity
        owner = storage
    }

    deinit { if owner == nil { UnsafeMutableRawPointer(pointer).deallocate() } }
}
