import Foundation
import Testing

@Suite("descent trace (CLI)")
struct TraceCLITests {
    @Test("the d2l example ends at x1 = -0.943467, x2 = -0.000073")
    func d2l() throws {
        let r = try CLI.run(["trace", "--function", "d2l-ill", "--optimizer", "sgd(lr=0.4)", "--steps", "20"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let last = (json["points"] as! [[Double]]).last!
        #expect(String(format: "%.6f %.6f", last[0], last[1]) == "-0.943467 -0.000073")
        #expect(json["steps"] as? Int == 20)
    }

    @Test("--spec - reads an array from standard input and prints an array; CSV works")
    func specArray() throws {
        let specs = #"[{"function": "booth", "optimizer": "adam", "params": {"lr": 0.1}, "steps": 5}, {"function": "bowl-1d", "optimizer": "sgd", "steps": 3}]"#
        let r = try CLI.run(["trace", "--spec", "-"], input: specs)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(json.count == 2 && (json[0]["points"] as! [Any]).count == 6)
        let csv = try CLI.run(["trace", "--function", "booth", "--optimizer", "sgd(lr=0.01)", "--steps", "3", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("step,x1,x2,value,lr\n0,-5.0,5.0,104.0,0.01\n"))
    }

    @Test("bad input exits 2 naming the argument, without a stack trace", arguments: [
        (["trace", "--function", "booth", "--optimizer", "sgd(lr=-1)", "--steps", "3"], "'lr'"),
        (["trace", "--function", "booth", "--optimizer", "adamz", "--steps", "3"], "adamz"),
        (["trace", "--function", "cube", "--optimizer", "sgd", "--steps", "3"], "function"),
        (["trace", "--function", "booth", "--optimizer", "sgd", "--steps=-3"], "steps"),
        (["trace", "--function", "booth", "--optimizer", "sgd", "--steps", "3", "--start", "1,2,3"], "start"),
        (["trace", "--function", "booth", "--optimizer", "sgd(lr=0.1", "--steps", "3"], "malformed"),
        (["trace", "--spec", "/nonexistent/spec.json"], "/nonexistent/spec.json"),
        (["trace", "--function", "booth"], "--optimizer"),
    ])
    func badInput(_ args: [String], _ mention: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(mention), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack trace"))
        #expect(r.stdout.isEmpty)
    }

    @Test("malformed JSON on stdin names the line and column")
    func malformedJSON() throws {
        let r = try CLI.run(["trace", "--spec", "-"], input: "{\"function\": \"booth\",\n \"steps\": }")
        #expect(r.status == 2)
        #expect(r.stderr.contains("line 2, column"))
    }

    @Test("a divergent run says so on stderr and in the JSON")
    func divergence() throws {
        let r = try CLI.run(["trace", "--function", "rosenbrock", "--optimizer", "sgd(lr=0.1)", "--steps", "50"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("diverged at step"))
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let d = json["diverged"] as! [String: Any]
        #expect(d["step"] as? Int != nil)
    }
}
