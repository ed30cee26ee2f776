import Foundation

/// Small checks shared by the readers, so that every missing path is reported the same way.
enum FileChecks {
    /// Throws `fileNotFound` or `notAFile` unless `path` names a regular file; returns its size in bytes.
    @discardableResult
    static func requireFile(_ path: String) throws -> Int {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw DatasetError.fileNotFound(path: path)
        }
        if isFolder.boolValue { throw DatasetError.notAFile(path: path) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Whether `path` names an existing folder.
    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Whether `path` names an existing regular file.
    static func isFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
