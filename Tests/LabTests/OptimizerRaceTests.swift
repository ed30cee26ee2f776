import Foundation
import Landscapes
import Optimizers
import Testing
@testable import Lab

@Suite("optimizer race")
struct OptimizerRaceTests {
    static func race(_ function: TestFunction, _ specs: [String], steps: Int) throws -> OptimizerRace {
        try OptimizerRace(function: function, optimizers: specs.map { try OptimizerConfig(parsing: $0) }, steps: steps)
    }

    @Test("a 2-D race draws one path per optimizer, its final value in the legend")
    func contour() throws {
        let race = try Self.race(.rosenbrock, ["adam(lr=0.1)", "sgd(lr=0.001, momentum=0.9)", "rmsprop(lr=0.01)"], steps: 40)
        let svg = try race.figure().svg()
        let parsed = parseXML(svg)
        #expect(parsed.wellFormed, "\(parsed.error ?? "")")
        #expect(parsed.elements("path", inside: "paths").count == 3)
        for run in race.runs {
            #expect(svg.contains(LandscapePlot.pathLabel(run)))
        }
        #expect(svg.contains("Adam(lr=0.1): f = \(LabFormat.compact(race.runs[0].finalValue))"))
    }

    @Test("the summary gives each optimizer's spec, final point and value, and divergence")
    func summary() throws {
        let race = try Self.race(.rosenbrock, ["sgd(lr=0.1)", "adam(lr=0.01)"], steps: 30)
        let optimizers = try #require(race.summary["optimizers"]?.arrayValue)
        #expect(optimizers.count == 2)
        #expect(optimizers[0]["spec"]?.stringValue == "sgd(lr=0.1)")
        #expect(optimizers[0]["diverged"]?["step"]?.numberValue != nil)
        #expect(optimizers[1]["diverged"] == .null)
        let direct = try runTrace(TraceSpec(function: .rosenbrock, optimizer: OptimizerConfig(parsing: "adam(lr=0.01)"), steps: 30))
        #expect(optimizers[1]["final_value"]?.numberValue == direct.finalValue)
        #expect(optimizers[1]["final_point"] == .array(direct.finalPoint.map(JSONValue.number)))
        // A divergent path still draws what it had before leaving the finite numbers.
        #expect(try parseXML(race.figure().svg()).elements("path", inside: "paths").count == 2)
    }

    @Test("a 1-D race gets one steps panel per optimizer")
    func oneDimensional() throws {
        let race = try Self.race(.bowl1D, ["sgd(lr=0.33)", "sgd(lr=2.18)"], steps: 10)
        let parsed = try parseXML(race.figure().svg())
        #expect(parsed.wellFormed)
        #expect(parsed.elements(withClass: "panel").count == 2)
        #expect(parsed.elements(withClass: "steps").count == 2)
    }
}
