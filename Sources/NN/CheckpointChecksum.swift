/// The checksum that ends a checkpoint file: FNV-1a over 64-bit little-endian words (the last
/// partial word zero-padded), then mixed with the byte count.
///
///     h₀ = 0xcbf29ce484222325;  hᵢ₊₁ = (hᵢ ⊕ wordᵢ) · 0x100000001b3 (mod 2⁶⁴);  h = (h ⊕ n) · 0x100000001b3
///
/// Not cryptographic: it catches truncation, bit rot and hand edits, eight bytes at a time.
enum CheckpointChecksum {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = offsetBasis
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = (h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* prime
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in 0..<(n - i) { tail |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            h = (h ^ tail) &* prime
        }
        return (h ^ UInt64(n)) &* prime
    }
}
