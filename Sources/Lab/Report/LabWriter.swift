import Foundation
import Optimizers
import Plot

/// Writes an experiment's files into an output folder: each figure as `<name>.svg` (and
/// `<name>.png` through rsvg-convert when asked), and `<experiment>.json` with the numbers.
/// Every file is written atomically (temporary file, then rename).
public struct LabWriter: Sendable {
    public var folder: URL
    public var png: Bool

    /// Creates the folder (and its parents) when it does not exist.
    ///
    /// - Throws: `LabError.outputFolder` when the path is a file or cannot be created.
    public init(folder: URL, png: Bool = false) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw LabError.outputFolder(path: folder.path, reason: "it is a file, not a folder")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw LabError.outputFolder(path: folder.path, reason: error.localizedDescription)
            }
        }
        self.folder = folder
        self.png = png
    }

    /// Writes the report's figures and numbers; returns the names of the files written.
    public func write(_ report: LabReport, of experiment: any LabExperiment) throws -> [String] {
        var written: [String] = []
        for item in report.figures {
            let svg = folder.appendingPathComponent(item.name + ".svg")
            try item.figure.write(to: svg)
            written.append(svg.lastPathComponent)
            if png {
                let image = folder.appendingPathComponent(item.name + ".png")
                try Figure.writePNG(svgURL: svg, pngURL: image)
                written.append(image.lastPathComponent)
            }
        }
        let numbers = LabWriter.numbersDocument(report, of: experiment)
        try writeText(numbers.serialized + "\n", named: experiment.name + ".json")
        written.append(experiment.name + ".json")
        return written
    }

    /// Writes `text` as the file `name` in the folder, atomically.
    public func writeText(_ text: String, named name: String) throws {
        try AtomicFile.write(Data(text.utf8), to: folder.appendingPathComponent(name))
    }

    /// The JSON file's object: the experiment's name and title, the figures' files, then the
    /// report's numbers.
    public static func numbersDocument(_ report: LabReport, of experiment: any LabExperiment) -> JSONValue {
        .object([
            ("experiment", .string(experiment.name)),
            ("title", .string(experiment.title)),
            ("figures", .array(report.figures.map { .string($0.name + ".svg") })),
            ("printed", .array(report.lines.map(JSONValue.string))),
        ] + report.numbers)
    }
}
