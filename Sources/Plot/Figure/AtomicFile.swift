import Foundation

/// Writes files so that they appear complete or not at all: the bytes go to a hidden temporary
/// file in the destination's directory, which is then renamed over the destination (rename(2)
/// is atomic within one file system).
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    ///
    /// - Throws: `PlotError.writeFailed` naming the path and the reason.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw PlotError.writeFailed(path: url.path, reason: "temporary file \(temporary.path): \(error.localizedDescription)")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PlotError.writeFailed(path: url.path, reason: "rename failed: \(reason)")
        }
    }
}
