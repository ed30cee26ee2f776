import Foundation
import Testing
@testable import Lab

@Suite("lab runner and report page")
struct LabRunnerTests {
    @Test("'all' writes every experiment's figures and numbers and an index.html that references only files that exist")
    func all() throws {
        let folder = try temporaryFolder().appendingPathComponent("nested/report")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        var printed: [String] = []
        let outcomes = try LabRunner.run("all", into: folder, context: try LabTestData.context(iterations: 10)) {
            printed.append($0)
        }
        #expect(outcomes.map(\.experiment.name) == LabCatalog.experiments.map(\.name))
        #expect(printed == outcomes.flatMap(\.report.lines))
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let references = Self.references(in: html)
        #expect(references.filter { $0.hasSuffix(".svg") }.count == outcomes.flatMap(\.report.figures).count)
        for file in references {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "missing \(file)")
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        for file in written where file.hasSuffix(".svg") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(parseXML(text).wellFormed, "\(file)")
        }
        for file in written where file.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object?["experiment"] as? String == String(file.dropLast(5)))
        }
        #expect(html.contains("<table>") && html.contains("epoch 20, x1: -0.943467, x2: -0.000073"))
        #expect(html.contains("<th>Σ βⁱ (i &lt; 40)</th>"))   // table text is escaped
    }

    @Test("one experiment writes its files and no index.html")
    func single() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = try LabRunner.run("learning-rate", into: folder)
        #expect(outcomes.count == 1 && outcomes[0].files == ["learning-rate.svg", "learning-rate.json"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
    }

    @Test("an unknown name and a file as output folder are errors naming them")
    func errors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: LabError.unknownExperiment(name: "cifar", available: LabCatalog.acceptedNames)) {
            try LabRunner.run("cifar", into: folder)
        }
        let file = folder.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        do {
            try LabRunner.run("ellipse", into: file)
            Issue.record("expected an error")
        } catch let error as LabError {
            #expect(error.description.contains(file.path))
        }
    }

    /// Every `src` and `href` value that is not an in-page anchor.
    static func references(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: ##"(?:src|href)="([^"#][^"]*)""##)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }
}
