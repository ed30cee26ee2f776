/// Unaligned 16-lane loads and stores. Swift does not vectorise a scalar loop over several
/// `UnsafeMutablePointer`s (it cannot rule out aliasing), but it does compile `SIMD16<Float>`
/// arithmetic to vector instructions; every kernel walks 16 elements at a time through these
/// helpers and finishes the tail with scalars.
typealias Vec = SIMD16<Float>

@inline(__always)
func load(_ p: UnsafePointer<Float>, _ i: Int) -> Vec {
    UnsafeRawPointer(p + i).loadUnaligned(as: Vec.self)
}

@inline(__always)
func load(_ p: UnsafeMutablePointer<Float>, _ i: Int) -> Vec {
    UnsafeRawPointer(p + i).loadUnaligned(as: Vec.self)
}

@inline(__always)
func store(_ v: Vec, _ p: UnsafeMutablePointer<Float>, _ i: Int) {
    UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: Vec.self)
}

/// The number of elements handled by whole 16-lane vectors.
@inline(__always)
func vectorPart(_ n: Int) -> Int { n & ~15 }

/// `max(v, 0)` per lane. Written as a masked replace: `pointwiseMax` compiles to a lane-by-lane
/// loop through the stack on Linux (seen in perf), the replace to compare + and-not.
@inline(__always)
func relu16(_ v: Vec) -> Vec { v.replacing(with: 0, where: v .< 0) }
