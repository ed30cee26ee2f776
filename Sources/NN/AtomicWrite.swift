import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#else
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a file so that it appears complete or not at all: the bytes go to a temporary file in
/// the destination's folder (`.NAME.tmp`), are flushed to disk, and the temporary file is
/// renamed over the destination (rename(2) is atomic within a file system). A failure at any
/// point leaves the previous file untouched and removes the temporary one; a temporary file left
/// by a process killed mid-write is replaced by the next write.
enum AtomicWrite {
    /// The temporary file used for `path`.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp").path
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = temporaryPath(for: path)
        func fail(_ what: String) -> CheckpointError {
            let reason = "\(what): \(String(cString: strerror(errno)))"
            unlink(temporary)
            return .cannotWrite(path: path, reason: reason)
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw fail("cannot create \(temporary)") }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        guard ok else { close(fd); throw fail("writing \(temporary)") }
        guard fsync(fd) == 0 else { close(fd); throw fail("flushing \(temporary)") }
        guard close(fd) == 0 else { throw fail("closing \(temporary)") }
        guard rename(temporary, path) == 0 else { throw fail("renaming \(temporary) to \(path)") }
    }
}
