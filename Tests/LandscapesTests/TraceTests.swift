import Foundation
import Landscapes
import Optimizers
import Testing

@Suite("descent trace: specs, results, divergence")
struct TraceTests {
    func spec(_ text: String) throws -> TraceSpec { try TraceSpec.parseMany(text).specs[0] }

    @Test("d2l §7.4: gradient descent at lr 0.4 ends at x1 = -0.943467, x2 = -0.000073")
    func d2l() throws {
        let r = try runTrace(try TraceSpec(function: .d2lIll, optimizer: try OptimizerConfig(parsing: "sgd(lr=0.4)"), steps: 20))
        let last = r.points.last!
        #expect(format6(last[0]) == "-0.943467" && format6(last[1]) == "-0.000073")
        #expect(r.points.count == 21 && r.values.count == 20 && r.lrs.count == 20)
    }

    func format6(_ x: Double) -> String { String(format: "%.6f", x) }

    @Test("bad specs name the field", arguments: [
        (#"{"function": "booth", "optimizer": "adam", "steps": -1}"#, "steps"),
        (#"{"function": "booth", "optimizer": "adam", "steps": 1.5}"#, "steps"),
        (#"{"function": "booth", "optimizer": "adam"}"#, "steps"),
        (#"{"function": "cube", "optimizer": "adam", "steps": 3}"#, "function"),
        (#"{"function": "booth", "optimizer": "adamz", "steps": 3}"#, "optimizer"),
        (#"{"function": "booth", "optimizer": "adam", "params": {"lr": -1}, "steps": 3}"#, "params.lr"),
        (#"{"function": "booth", "optimizer": "adam", "params": {"momentum": 0.9}, "steps": 3}"#, "params.momentum"),
        (#"{"function": "booth", "optimizer": "adam", "params": {"betas": [0.9, 1]}, "steps": 3}"#, "params.betas[1]"),
        (#"{"function": "booth", "optimizer": "adam", "params": {"lr": "fast"}, "steps": 3}"#, "params.lr"),
        (#"{"function": "booth", "optimizer": "adam", "start": [1, 2, 3], "steps": 3}"#, "start"),
        (#"{"function": "booth", "optimizer": "adam", "start": ["a", 2], "steps": 3}"#, "start"),
        (#"{"function": "booth", "optimizer": "adam", "steps": 3, "speed": 1}"#, "speed"),
        (#"{"function": "booth", "optimizer": "adam", "steps": 3, "schedule": {"kind": "cosine"}}"#, "T_max"),
        (#"{"function": "booth", "optimizer": "adam", "steps": 3, "schedule": {"kind": "zigzag"}}"#, "schedule.kind"),
        (#"[{"function": "booth", "optimizer": "adam", "steps": 3}, {"function": "booth", "steps": 3}]"#, "[1].optimizer"),
    ])
    func badSpecs(_ text: String, _ field: String) {
        do { _ = try TraceSpec.parseMany(text); Issue.record("accepted \(text)") } catch let e as TraceError {
            #expect(e.field?.contains(field) == true, "\(e)")
        } catch { Issue.record("\(error)") }
    }

    @Test("malformed JSON says where", arguments: ["{", #"{"function": }"#, "[1, 2", #"{"a" 1}"#, "nul"])
    func malformed(_ text: String) {
        do { _ = try TraceSpec.parseMany(text); Issue.record("accepted") } catch let e as TraceError {
            #expect("\(e)".contains("line 1, column"))
        } catch { Issue.record("\(error)") }
    }

    @Test("a divergent run stops at the last finite point and says which step and coordinate")
    func divergence() throws {
        let r = try runTrace(try spec(#"{"function": "rosenbrock", "optimizer": "sgd", "params": {"lr": 0.1}, "steps": 100}"#))
        let d = try #require(r.divergence)
        #expect(d.step < 10)
        #expect(r.points.allSatisfy { $0.allSatisfy(\.isFinite) })
        #expect(r.points.count == r.values.count + 1)
        let json = r.json.serialized
        #expect(json.contains("\"diverged\"") && !json.contains("nan") && !json.contains("inf,"))
        let saddle = try runTrace(try spec(#"{"function": "saddle", "optimizer": "sgd", "params": {"lr": 0.9}, "steps": 2000}"#))
        // y grows by 2.8x a step until y² overflows: f = x² - y² becomes -inf.
        #expect(saddle.divergence?.quantity == .value)
        #expect(saddle.divergence?.message.contains("f became -inf") == true)
    }

    @Test("a schedule changes the lrs; the result echoes the spec")
    func scheduleEcho() throws {
        let r = try runTrace(try spec(#"{"function": "booth", "optimizer": "sgd", "params": {"lr": 0.01}, "steps": 4, "schedule": {"kind": "step", "step_size": 2, "gamma": 0.5}}"#))
        #expect(r.lrs == [0.01, 0.01, 0.005, 0.005])
        let json = r.json
        #expect(json["schedule"]?["step_size"]?.numberValue == 2)
        #expect(json["params"]?["lr"]?.numberValue == 0.01)
        #expect(json["steps"]?.serialized == "4")
    }

    @Test("CSV has a header and one row per point")
    func csv() throws {
        let r = try runTrace(try spec(#"{"function": "bowl-1d", "optimizer": "sgd", "params": {"lr": 0.5}, "steps": 2}"#))
        let lines = r.csv.split(separator: "\n")
        #expect(lines[0] == "step,theta,value,lr")
        #expect(lines.count == 4)
        #expect(lines[1] == "0,-1.0,2.5,0.5")
        #expect(lines[2] == "1,0.0,1.0,0.5")
    }

    @Test("arrays of specs give arrays of results")
    func arrays() throws {
        let (specs, isArray) = try TraceSpec.parseMany(#"[{"function": "booth", "optimizer": "lion", "steps": 2}, {"function": "beale", "optimizer": "momentum", "steps": 1}]"#)
        #expect(isArray && specs.count == 2)
        #expect(specs[1].optimizer.hyperparameters.momentum == 0.9)
    }
}
