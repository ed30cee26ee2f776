/// The header of an IDX file (the MNIST format): a big-endian magic number `0x0000TTNN` — data
/// type `TT` (0x08 = unsigned byte) and number of dimensions `NN` — then `NN` big-endian
/// 32-bit sizes. The data follow, row-major, `product(sizes)` elements.
public struct IDXHeader: Equatable, Sendable {
    /// Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns).
    public static let imagesMagic: UInt32 = 0x0000_0803
    /// Magic number of a label file: unsigned bytes, 1 dimension (count).
    public static let labelsMagic: UInt32 = 0x0000_0801

    /// The magic number as read.
    public let magic: UInt32
    /// The sizes of the dimensions, outermost first.
    public let dimensions: [Int]

    public init(magic: UInt32, dimensions: [Int]) {
        self.magic = magic
        self.dimensions = dimensions
    }

    /// Number of data bytes the header promises (all types read here are one byte wide).
    public var dataBytes: Int { dimensions.reduce(1, *) }

    /// The header as bytes: the magic number and the sizes, big-endian.
    public var encoded: [UInt8] {
        ([magic] + dimensions.map { UInt32($0) }).flatMap { word in
            [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16),
             UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
        }
    }

    /// "60000×28×28 unsigned bytes", for messages.
    var summary: String { dimensions.map(String.init).joined(separator: "×") + " unsigned bytes" }

    /// Reads and checks the header of `reader`'s file against the expected magic number.
    static func read(from reader: CompressedFileReader, expectedMagic: UInt32, meaning: String) throws -> IDXHeader {
        let magic = try readWord(reader, what: "the 4-byte magic number")
        guard magic == expectedMagic else {
            throw DatasetError.badMagic(file: reader.path, found: magic, expected: expectedMagic, meaning: meaning)
        }
        let rank = Int(magic & 0xFF)
        var dimensions = [Int]()
        var total = 1
        for axis in 0..<rank {
            let size = Int(try readWord(reader, what: "the size of dimension \(axis + 1) of \(rank)"))
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Int(Int32.max) * 64 else {
                throw DatasetError.badHeader(file: reader.path, reason: "dimensions \((dimensions + [size]).map(String.init).joined(separator: "×")) are impossibly large")
            }
            total = product
            dimensions.append(size)
        }
        return IDXHeader(magic: magic, dimensions: dimensions)
    }

    private static func readWord(_ reader: CompressedFileReader, what: String) throws -> UInt32 {
        var bytes = [UInt8](repeating: 0, count: 4)
        let got = try bytes.withUnsafeMutableBytes { try reader.read(into: $0) }
        guard got == 4 else {
            throw DatasetError.badHeader(file: reader.path, reason: "the file ends inside \(what)")
        }
        return bytes.reduce(0) { ($0 << 8) | UInt32($1) }
    }
}
