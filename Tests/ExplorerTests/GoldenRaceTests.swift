import Explorer
import Foundation
import Optimizers
import Testing

/// The race a first visitor sees (the source text's four optimizers on the ellipse), run through
/// the web API, against torch's float64 numbers in the Landscapes golden file.
@Suite struct GoldenRaceTests {
    static func goldenCases() throws -> [JSONValue] {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let file = here.deletingLastPathComponent().appendingPathComponent("LandscapesTests/Fixtures/torch-optim-trajectories.json")
        let cases = try JSONValue(parsing: String(contentsOf: file, encoding: .utf8))["cases"]?.arrayValue ?? []
        return cases.filter { $0["function"]?.stringValue == "ellipse" }
    }

    @Test func defaultRaceMatchesTorch() throws {
        let golden = try Self.goldenCases()
        #expect(golden.count == 4)
        let specs = golden.map { c in
            JSONValue.object(c.objectValue!.filter { ["function", "start", "optimizer", "params", "steps"].contains($0.0) })
        }
        let answer = try JSONValue(parsing: TraceAPI.respond(to: JSONValue.array(specs).serialized)).arrayValue ?? []
        #expect(answer.count == golden.count)
        for (mine, torch) in zip(answer, golden) {
            let a = mine["points"]!.arrayValue!.flatMap { $0.arrayValue!.map { $0.numberValue! } }
            let b = torch["points"]!.arrayValue!.flatMap { $0.arrayValue!.map { $0.numberValue! } }
            #expect(a.count == b.count)
            for (x, y) in zip(a, b) {
                #expect(abs(x - y) <= 1e-9 * max(abs(x), abs(y)) + 1e-12, "\(torch["optimizer"]!) \(x) vs \(y)")
            }
        }
    }
}
