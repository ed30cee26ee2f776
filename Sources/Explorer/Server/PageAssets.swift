import Foundation

/// The page's files (HTML, CSS, JavaScript) read once from the package resources into memory,
/// keyed by their URL path (`/index.html`, `/js/main.js`). Nothing is fetched from a CDN, so the
/// page works offline.
public struct PageAssets: Sendable {
    /// One file: its bytes and the Content-Type to send.
    public struct Asset: Sendable, Equatable {
        public var contentType: String
        public var bytes: [UInt8]
    }

    /// The files by URL path.
    public let files: [String: Asset]

    /// The page's files cannot be found: the folder (or bundle) looked in.
    public struct MissingPage: Error, CustomStringConvertible {
        public var location: String
        public var description: String { "the explorer page is missing: no index.html in \(location)" }
    }

    /// Reads every file under `directory` (recursively).
    ///
    /// - Throws: `MissingPage` naming the folder when it holds no index.html.
    public init(directory: URL) throws {
        var files: [String: Asset] = [:]
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            let relative = url.resolvingSymlinksInPath().path.dropFirst(root.path.count)
            let path = relative.hasPrefix("/") ? String(relative) : "/" + relative
            files[path] = Asset(contentType: PageAssets.contentType(forExtension: url.pathExtension), bytes: [UInt8](data))
        }
        guard files["/index.html"] != nil else {
            throw MissingPage(location: directory.path)
        }
        self.files = files
    }

    /// The page shipped with the Explorer module (`Sources/Explorer/Resources`).
    public static func bundled() throws -> PageAssets {
        guard let base = Bundle.module.resourceURL else {
            throw MissingPage(location: "the Explorer module's resource bundle")
        }
        let nested = base.appendingPathComponent("Resources")
        let hasNested = FileManager.default.fileExists(atPath: nested.appendingPathComponent("index.html").path)
        return try PageAssets(directory: hasNested ? nested : base)
    }

    /// The Content-Type for a file extension (UTF-8 for text).
    static func contentType(forExtension ext: String) -> String {
        switch ext.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        default: return "application/octet-stream"
        }
    }
}
