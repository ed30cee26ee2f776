import Foundation
@testable import Lab
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an XML parse of a document found: whether it is well-formed, and per element the
/// classes of the groups it sits in.
struct ParsedXML {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// `class` attributes of the enclosing elements, outermost first.
        var enclosingClasses: [String]
    }
    var wellFormed: Bool
    var error: String?
    var elements: [Element]

    /// Elements named `name` inside an element whose class is `enclosingClass`.
    func elements(_ name: String, inside enclosingClass: String) -> [Element] {
        elements.filter { $0.name == name && $0.enclosingClasses.contains(enclosingClass) }
    }
    /// Elements whose own class is `className`.
    func elements(withClass className: String) -> [Element] {
        elements.filter { $0.attributes["class"] == className }
    }
}

private final class Collector: NSObject, XMLParserDelegate {
    var elements: [ParsedXML.Element] = []
    var stack: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(.init(name: name, attributes: attributes, enclosingClasses: stack.filter { !$0.isEmpty }))
        stack.append(attributes["class"] ?? "")
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

/// Parses `text` with Foundation's XMLParser.
func parseXML(_ text: String) -> ParsedXML {
    let parser = XMLParser(data: Data(text.utf8))
    let collector = Collector()
    parser.delegate = collector
    let ok = parser.parse()
    return ParsedXML(wellFormed: ok, error: parser.parserError.map { "\($0)" }, elements: collector.elements)
}

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-lab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Each experiment run once per test process and shared by the tests that only read it.
enum SharedReports {
    static let momentum = Result { try MomentumExperiment().run(try LabTestData.context()) }
    static let learningRate = Result { try LearningRateExperiment().run(.quiet) }
    static let ellipse = Result { try EllipseExperiment().run(.quiet) }
}
