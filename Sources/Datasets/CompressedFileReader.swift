import _CZlib
import Foundation

/// Reads a file through zlib's gz* functions: a gzip file is inflated as it is read, any other
/// file passes through unchanged, so one reader serves `x.gz` and `x` alike.
final class CompressedFileReader {
    let path: String
    /// The size of the file on disk (compressed size for a gzip file).
    let fileSize: Int
    private let file: gzFile

    init(path: String) throws {
        fileSize = try FileChecks.requireFile(path)
        guard let file = gzopen(path, "rb") else {
            throw DatasetError.readFailed(path: path, reason: String(cString: strerror(errno)))
        }
        gzbuffer(file, 1 << 18)
        self.path = path
        self.file = file
    }

    deinit { gzclose(file) }

    /// Whether the file is gzip-compressed (rather than read as it is).
    var isCompressed: Bool { gzdirect(file) == 0 }

    /// An upper bound on the bytes the file can yield: its size, or 1032× it when compressed
    /// (deflate cannot compress better than 1032:1).
    var maximumDataBytes: Int { isCompressed ? fileSize &* 1032 &+ 1024 : fileSize }

    /// Fills `buffer` as far as the data go; returns the number of bytes read, fewer than
    /// `buffer.count` only at the end of the data. Throws on a read or decompression error.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var total = 0
        while total < buffer.count {
            let request = UInt32(min(buffer.count - total, 1 << 30))
            let got = gzread(file, base + total, request)
            if got < 0 { throw currentError() ?? DatasetError.gzip(file: path, reason: "read failed") }
            if got == 0 { break }
            total += Int(got)
        }
        if total < buffer.count, let error = currentError() { throw error }
        return total
    }

    /// Reads bytes until the end of the data, counting them without keeping them.
    func skipToEnd() throws -> Int {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        while true {
            let got = try scratch.withUnsafeMutableBytes { try read(into: $0) }
            total += got
            if got < scratch.count { return total }
        }
    }

    /// zlib's pending error as a `DatasetError`, or nil when there is none.
    private func currentError() -> DatasetError? {
        var code: Int32 = 0
        let raw = gzerror(file, &code).map { String(cString: $0) } ?? ""
        // zlib prefixes its messages with the path; ours already names the file.
        let message = raw.hasPrefix(path + ": ") ? String(raw.dropFirst(path.count + 2)) : raw
        switch code {
        case Z_OK, Z_STREAM_END: return nil
        case Z_BUF_ERROR: return .gzip(file: path, reason: "unexpected end of file (the compressed stream is cut short)")
        case Z_DATA_ERROR: return .gzip(file: path, reason: "corrupt compressed data (\(message))")
        case Z_MEM_ERROR: return .gzip(file: path, reason: "out of memory")
        case Z_ERRNO: return .readFailed(path: path, reason: String(cString: strerror(errno)))
        default: return .gzip(file: path, reason: message.isEmpty ? "zlib error \(code)" : message)
        }
    }
}
