import Explorer
import Optimizers
import Testing

/// POST /api/contours's logic: Plot's marching squares as JSON, 1-D graphs, field-named errors.
@Suite struct ContourAPITests {
    @Test func rosenbrockHasLogSpacedLevelsPackedNearTheMinimum() throws {
        let out = try ContourAPI.respond(to: #"{"function": "rosenbrock"}"#)
        let levels = out["levels"]!.arrayValue!.map { $0.numberValue! }
        #expect(levels.count >= 10)
        #expect(levels == levels.sorted())
        // Geometric: the gaps grow, the lowest level sits far below the middle of the range.
        #expect(levels[1] - levels[0] < levels[levels.count - 1] - levels[levels.count - 2])
        #expect(levels[0] < 0.01 * levels[levels.count - 1])
        let lines = out["lines"]!.arrayValue!
        #expect(!lines.isEmpty)
        for line in lines {
            let level = line["level"]!.numberValue!
            #expect(levels.contains(level))
            #expect(line["color"]!.stringValue!.hasPrefix("#"))
            let points = line["points"]!.arrayValue!
            #expect(points.count >= 2)
            // Every vertex lies in the window and on its level, up to the grid's interpolation.
            for p in points.prefix(5) {
                let xy = p.arrayValue!.map { $0.numberValue! }
                #expect((-2.0...2.0).contains(xy[0]) && (-1.0...3.0).contains(xy[1]))
            }
        }
    }

    @Test func ellipseContoursAreClosedRingsAtTheirLevel() throws {
        let out = try ContourAPI.respond(to: #"{"function": "ellipse", "resolution": 201, "levels": 6}"#)
        let lines = out["lines"]!.arrayValue!
        #expect(!lines.isEmpty)
        for line in lines {
            let level = line["level"]!.numberValue!
            for p in line["points"]!.arrayValue! {
                let xy = p.arrayValue!.map { $0.numberValue! }
                let f = xy[0] * xy[0] / 20 + xy[1] * xy[1]
                #expect(abs(f - level) <= 0.02 * max(level, 1), "f(\(xy)) = \(f) on level \(level)")
            }
        }
    }

    @Test func windowAndResolutionAreHonoured() throws {
        let out = try ContourAPI.respond(to: #"{"function": "booth", "x": [0, 2], "y": [2, 4], "resolution": 11}"#)
        #expect(out["window"]! == .object([("x", .array([.number(0), .number(2)])), ("y", .array([.number(2), .number(4)]))]))
    }

    @Test func oneDimensionalFunctionsGiveTheirGraph() throws {
        let out = try ContourAPI.respond(to: #"{"function": "bowl-1d", "resolution": 5}"#)
        let curve = out["curve"]!.arrayValue!.map { $0.arrayValue!.map { $0.numberValue! } }
        #expect(curve == [[-1, 2.5], [0, 1], [1, 0.5], [2, 1], [3, 2.5]])
        #expect(out["lines"] == nil)
    }

    @Test(arguments: [
        (#"{"function": "rosenbrok"}"#, 422, "function"),
        (#"{}"#, 422, "function"),
        (#"{"function": 3}"#, 422, "function"),
        (#"{"function": "beale", "resolution": 1}"#, 422, "resolution"),
        (#"{"function": "beale", "resolution": 1000}"#, 422, "resolution"),
        (#"{"function": "beale", "levels": 0.5}"#, 422, "levels"),
        (#"{"function": "beale", "x": [2, 1]}"#, 422, "x"),
        (#"{"function": "beale", "y": "wide"}"#, 422, "y"),
        (#"{"function": "beale", "zoom": 2}"#, 422, "zoom"),
        (#"["beale"]"#, 422, "body"),
        (#"{"function": "#, 400, "body"),
    ] as [(String, Int, String)])
    func refusalsNameTheField(body: String, status: Int, field: String) {
        do {
            _ = try ContourAPI.respond(to: body)
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.status == status)
            #expect(error.field == field, "\(error.message)")
        }
    }
}
