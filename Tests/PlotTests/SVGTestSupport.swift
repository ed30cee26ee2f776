import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Plot

/// What an XML parse of an SVG document found: whether it was well-formed, the parser's error,
/// how many of each element, and every attribute value by attribute name.
struct ParsedSVG {
    var wellFormed: Bool
    var error: String?
    var elementCounts: [String: Int]
    var attributes: [String: [String]]
    var texts: [String]
    var rootAttributes: [String: String]

    func count(_ name: String) -> Int { elementCounts[name, default: 0] }
    func values(_ attribute: String) -> [String] { attributes[attribute, default: []] }
}

private final class SVGCollector: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var attributes: [String: [String]] = [:]
    var texts: [String] = []
    var root: [String: String]?
    var currentText = ""
    var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
        counts[name, default: 0] += 1
        if root == nil { root = attributeDict }
        for (key, value) in attributeDict { attributes[key, default: []].append(value) }
        if name == "text" { inText = true; currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { currentText += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(currentText); inText = false }
    }
}

/// Parses `svg` with Foundation's XMLParser.
func parseSVG(_ svg: String) -> ParsedSVG {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = SVGCollector()
    parser.delegate = collector
    let ok = parser.parse()
    return ParsedSVG(wellFormed: ok, error: parser.parserError.map { "\($0)" },
                     elementCounts: collector.counts, attributes: collector.attributes,
                     texts: collector.texts, rootAttributes: collector.root ?? [:])
}

/// Every number inside coordinate attributes and path data of `svg`.
func coordinateNumbers(in parsed: ParsedSVG) -> [Double] {
    let names = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "d", "points"]
    var numbers: [Double] = []
    for name in names {
        for value in parsed.values(name) {
            var token = ""
            for character in value + " " {
                if character.isNumber || character == "." || character == "-" || character == "e" {
                    token.append(character)
                } else {
                    if let number = Double(token) { numbers.append(number) }
                    token = ""
                }
            }
        }
    }
    return numbers
}

enum Fixtures {
    static func rosenbrock(_ x: Double, _ y: Double) -> Double {
        (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }

    static func bowl(_ x: Double, _ y: Double) -> Double { 0.1 * x * x + 2 * y * y }

    /// A short zig-zag path towards (1, 1) with a NaN at the end.
    static let path: [PlotPoint] = [
        PlotPoint(-1.5, 2.5), PlotPoint(-1.0, 1.2), PlotPoint(-0.4, 0.6), PlotPoint(0.2, 0.1),
        PlotPoint(0.6, 0.35), PlotPoint(0.9, 0.8), PlotPoint(1.0, 1.0),
    ]
}
