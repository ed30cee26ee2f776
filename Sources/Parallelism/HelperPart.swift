/// A part of two-way work described by a value — typically a small generic struct on the
/// caller's stack — for `HelperThread.run(_:alongside:)`. Unlike a closure, handing such a part
/// to the helper allocates nothing, generic or not: the helper receives the part's type (an
/// existential metatype) and a pointer to it, and calls `run()` on it there.
public protocol HelperPart {
    /// Computes the part (on the helper, or on the caller when it takes the part back).
    mutating func run()
}

extension HelperThread {
    /// Runs `mine` on the calling thread and `part.run()` on the helper, as
    /// `run(_:alongside:context:)`; returns false, having run nothing, when another thread is
    /// using the helper. `part` only has to live until this call returns. Allocates nothing.
    public func run<Part: HelperPart>(_ mine: () -> Void, alongside part: inout Part) -> Bool {
        withUnsafeMutablePointer(to: &part) { pointer in
            var erased = ErasedPart(kind: Part.self, pointer: UnsafeMutableRawPointer(pointer))
            return withUnsafeMutablePointer(to: &erased) {
                run(mine, alongside: ErasedPart.entry, context: UnsafeMutableRawPointer($0))
            }
        }
    }
}

/// A `HelperPart` of any type as plain data for the helper's C entry: its type and its address.
private struct ErasedPart {
    let kind: any HelperPart.Type
    let pointer: UnsafeMutableRawPointer

    static let entry: HelperEntry = {
        let part = $0.assumingMemoryBound(to: ErasedPart.self).pointee
        part.kind.run(at: part.pointer)
    }
}

extension HelperPart {
    /// Calls `run()` on the `Self` at `pointer` (reached through an existential metatype).
    fileprivate static func run(at pointer: UnsafeMutableRawPointer) {
        pointer.assumingMemoryBound(to: Self.self).pointee.run()
    }
}
