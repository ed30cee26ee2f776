import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("descent race (CLI)")
struct RaceCLITests {
    @Test("writes an SVG with one path per optimizer and prints a JSON summary")
    func race() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("race.svg")
        let r = try CLI.run(["race", "--function", "beale", "--optimizer", "adam(lr=0.1)",
                             "--optimizer", "momentum(lr=0.001)", "--optimizer", "rmsprop(lr=0.01)",
                             "--steps", "50", "--output", svg.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let optimizers = json["optimizers"] as! [[String: Any]]
        #expect(optimizers.map { $0["spec"] as? String } == ["adam(lr=0.1)", "sgd(momentum=0.9)", "rmsprop"])
        #expect(optimizers.allSatisfy { ($0["final_point"] as? [Double])?.count == 2 && $0["final_value"] is Double })
        let text = try String(contentsOf: svg, encoding: .utf8)
        let counter = PathCounter()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.pathsInPathsGroup == 3)
    }

    @Test("bad arguments exit 2 naming the option", arguments: [
        (["race", "--function", "beale", "--optimizer", "adam(lr=-1)", "--steps", "5", "--output", "/tmp/x.svg"], "--optimizer"),
        (["race", "--function", "cube", "--optimizer", "adam", "--steps", "5", "--output", "/tmp/x.svg"], "--function"),
        (["race", "--function", "beale", "--steps", "5", "--output", "/tmp/x.svg"], "--optimizer"),
        (["race", "--function", "beale", "--optimizer", "adam", "--steps", "5", "--output", "/tmp/x.png"], "--output"),
        (["race", "--function", "beale", "--optimizer", "adam", "--steps", "5", "--start", "1", "--output", "/tmp/x.svg"], "start"),
    ])
    func badArguments(_ args: [String], _ mention: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(mention), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}

/// Counts `<path>` elements inside the `<g class="paths">` group of a contour chart.
private final class PathCounter: NSObject, XMLParserDelegate {
    var pathsInPathsGroup = 0
    var depthInPaths = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if depthInPaths > 0 {
            depthInPaths += 1
            if name == "path" { pathsInPathsGroup += 1 }
        } else if attributes["class"] == "paths" {
            depthInPaths = 1
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if depthInPaths > 0 { depthInPaths -= 1 }
    }
}
