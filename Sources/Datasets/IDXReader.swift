/// Reads IDX files (the MNIST format), gzip-compressed or not, checking the header against
/// the data: a short or over-long file, a wrong magic number or an out-of-range label is an
/// error that names the file.
public enum IDXReader {
    /// Images read from an IDX file: `count` images of `rows × columns` pixels, each pixel
    /// scaled to [0, 1] as `byte / 255`, flattened row-major to `count × rows·columns` floats.
    public struct Images: Sendable {
        public let count: Int
        public let rows: Int
        public let columns: Int
        public let pixels: [Float]
    }

    /// Reads an image file (magic 0x00000803).
    public static func readImages(at path: String) throws -> Images {
        let reader = try CompressedFileReader(path: path)
        let header = try IDXHeader.read(from: reader, expectedMagic: IDXHeader.imagesMagic,
                                        meaning: "IDX images: unsigned bytes, 3 dimensions")
        let scaled = (0..<256).map { Float($0) / 255 }  // byte → byte / 255, looked up
        let pixels: [Float] = try scaled.withUnsafeBufferPointer { table in
            try readBody(reader, header) { bytes, out in
                // A plain pointer loop: quick in release, and not too slow in debug test builds.
                guard let source = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                      let target = out.baseAddress, let lookup = table.baseAddress else { return }
                var i = 0
                while i < bytes.count {
                    target[i] = lookup[Int(source[i])]
                    i += 1
                }
            }
        }
        return Images(count: header.dimensions[0], rows: header.dimensions[1],
                      columns: header.dimensions[2], pixels: pixels)
    }

    /// Reads a label file (magic 0x00000801) whose labels must lie in `0..<classCount`.
    public static func readLabels(at path: String, classCount: Int) throws -> [Int32] {
        let reader = try CompressedFileReader(path: path)
        let header = try IDXHeader.read(from: reader, expectedMagic: IDXHeader.labelsMagic,
                                        meaning: "IDX labels: unsigned bytes, 1 dimension")
        let labels: [Int32] = try readBody(reader, header) { bytes, out in
            for i in 0..<bytes.count { out[i] = Int32(bytes[i]) }
        }
        if let bad = labels.firstIndex(where: { Int($0) >= classCount }) {
            throw DatasetError.labelOutOfRange(file: path, index: bad, label: Int(labels[bad]), classCount: classCount)
        }
        return labels
    }

    /// Reads exactly `header.dataBytes` bytes in chunks, converting each chunk into the output
    /// with `convert`, then checks that nothing follows.
    private static func readBody<Element>(
        _ reader: CompressedFileReader, _ header: IDXHeader,
        convert: (UnsafeRawBufferPointer, UnsafeMutableBufferPointer<Element>) -> Void
    ) throws -> [Element] {
        let expected = header.dataBytes
        if expected > reader.maximumDataBytes {
            throw DatasetError.truncated(file: reader.path, header: header.summary,
                                         expectedBytes: expected, actualBytes: try reader.skipToEnd())
        }
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let output = try [Element](unsafeUninitializedCapacity: expected) { out, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(out))  // batches gather rows at random
            var offset = 0
            while offset < expected {
                let want = min(chunkSize, expected - offset)
                let got = try chunk.withUnsafeMutableBytes { try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
                chunk.withUnsafeBytes { bytes in
                    convert(UnsafeRawBufferPointer(rebasing: bytes[0..<got]),
                            UnsafeMutableBufferPointer(rebasing: out[offset..<(offset + got)]))
                }
                offset += got
                initialized = offset
                if got < want {
                    throw DatasetError.truncated(file: reader.path, header: header.summary,
                                                 expectedBytes: expected, actualBytes: offset)
                }
            }
        }
        let extra = try chunk.withUnsafeMutableBytes { try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<1])) }
        if extra > 0 {
            throw DatasetError.trailingData(file: reader.path, header: header.summary, expectedBytes: expected)
        }
        return output
    }
}
