import Explorer
import Foundation
import Testing

/// The page's files as served: paths, content types, and a clear error when the page is missing.
@Suite struct PageAssetsTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-assets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("js"), withIntermediateDirectories: true)
        return url
    }

    @Test func filesAreKeyedByURLPathWithTheirTypes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!doctype html>".utf8).write(to: folder.appendingPathComponent("index.html"))
        try Data("export {}".utf8).write(to: folder.appendingPathComponent("js/a.js"))
        let assets = try PageAssets(directory: folder)
        #expect(Set(assets.files.keys) == ["/index.html", "/js/a.js"])
        #expect(assets.files["/js/a.js"]?.contentType == "text/javascript; charset=utf-8")
        #expect(assets.files["/index.html"]?.bytes == Array("<!doctype html>".utf8))
    }

    @Test func aFolderWithoutIndexIsRefusedByName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect { try PageAssets(directory: folder) } throws: { error in
            "\(error)".contains(folder.path) && "\(error)".contains("index.html")
        }
    }

    @Test func theBundledPageHasItsFiles() throws {
        let files = try PageAssets.bundled().files
        for path in ["/index.html", "/style.css", "/favicon.svg", "/js/main.js", "/js/race.js", "/js/oned.js"] {
            #expect(files[path] != nil, "\(path)")
        }
    }
}
