import Foundation
import Testing
import Datasets

/// A fresh folder under the system's temporary folder, removed when the test is done with it.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "descent-datasets-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the folder.
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try text.write(toFile: file(name), atomically: true, encoding: .utf8)
        return file(name)
    }

    /// Writes raw bytes to `name` and returns its path.
    @discardableResult
    func write(bytes: [UInt8], to name: String) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    /// The bytes of the file `name`.
    func bytes(of name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }
}

/// Runs `body`, expects it to throw a `DatasetError`, and returns that error's message.
func datasetErrorMessage<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    do {
        _ = try body()
        Issue.record("expected a DatasetError, nothing was thrown", sourceLocation: sourceLocation)
        return ""
    } catch let error as DatasetError {
        return error.description
    } catch {
        Issue.record("expected a DatasetError, got \(error)", sourceLocation: sourceLocation)
        return ""
    }
}

/// Pixel bytes of `count` tiny images, each `rows × columns`, whose values tell the image and pixel apart.
func fixturePixels(count: Int, rows: Int, columns: Int) -> [UInt8] {
    (0..<(count * rows * columns)).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
}
