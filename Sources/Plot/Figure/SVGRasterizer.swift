import Foundation

/// Turns SVG files into PNG with the external `rsvg-convert` (librsvg), when installed.
public enum SVGRasterizer {
    /// The program looked up on PATH.
    public static let program = "rsvg-convert"

    /// The full path of `rsvg-convert` on PATH, or nil when it is not installed.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let searchPath = environment["PATH"] ?? ""
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `rsvg-convert -o pngURL svgURL`; the PNG is written atomically.
    public static func convert(svgURL: URL, pngURL: URL,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let executable = locate(environment: environment) else {
            throw PlotError.rendererNotFound(program: program, searchedPath: environment["PATH"] ?? "")
        }
        guard FileManager.default.fileExists(atPath: svgURL.path) else {
            throw PlotError.invalidArgument(name: "svgURL", value: svgURL.path, allowed: "the SVG file must exist")
        }
        let temporary = pngURL.deletingLastPathComponent()
            .appendingPathComponent(".\(pngURL.lastPathComponent).\(UUID().uuidString).tmp")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-f", "png", "-o", temporary.path, svgURL.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let command = ([executable.path] + (process.arguments ?? [])).joined(separator: " ")
        do {
            try process.run()
        } catch {
            throw PlotError.rendererFailed(command: command, status: -1, output: error.localizedDescription)
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            let output = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PlotError.rendererFailed(command: command, status: process.terminationStatus, output: output)
        }
        if rename(temporary.path, pngURL.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PlotError.writeFailed(path: pngURL.path, reason: "rename failed: \(reason)")
        }
    }
}
