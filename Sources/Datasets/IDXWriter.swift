import _CZlib
import Foundation

/// Writes IDX files (the MNIST format), gzip-compressed or raw: used to make small fixtures and
/// to export subsets in the same format the readers take.
public enum IDXWriter {
    /// Writes `bytes` under an IDX header with `magic` and `dimensions`; the caller makes the
    /// byte count agree with the dimensions (a mismatch is written as asked, to test readers).
    public static func write(bytes: [UInt8], magic: UInt32, dimensions: [Int], to path: String,
                             compressed: Bool) throws {
        let data = IDXHeader(magic: magic, dimensions: dimensions).encoded + bytes
        if compressed {
            try writeGzip(data, to: path)
        } else {
            do { try Data(data).write(to: URL(fileURLWithPath: path)) } catch {
                throw DatasetError.readFailed(path: path, reason: "cannot write: \(error.localizedDescription)")
            }
        }
    }

    /// Writes `count` images of `rows × columns` bytes (magic 0x00000803).
    public static func writeImages(_ pixels: [UInt8], count: Int, rows: Int, columns: Int,
                                   to path: String, compressed: Bool) throws {
        try write(bytes: pixels, magic: IDXHeader.imagesMagic, dimensions: [count, rows, columns],
                  to: path, compressed: compressed)
    }

    /// Writes labels, one byte each (magic 0x00000801).
    public static func writeLabels(_ labels: [UInt8], to path: String, compressed: Bool) throws {
        try write(bytes: labels, magic: IDXHeader.labelsMagic, dimensions: [labels.count],
                  to: path, compressed: compressed)
    }

    /// Gzip-compresses `data` into the file at `path`.
    public static func writeGzip(_ data: [UInt8], to path: String) throws {
        guard let file = gzopen(path, "wb") else {
            throw DatasetError.readFailed(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        let written = data.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        let closed = gzclose(file)
        guard written == Int32(data.count) || data.isEmpty, closed == Z_OK else {
            throw DatasetError.gzip(file: path, reason: "could not write \(data.count) bytes")
        }
    }
}
