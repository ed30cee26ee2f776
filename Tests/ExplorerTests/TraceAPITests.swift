import Explorer
import Foundation
import Landscapes
import Optimizers
import Testing

/// POST /api/trace's logic without HTTP: the CLI's output, the web limits, errors naming fields.
@Suite struct TraceAPITests {
    /// What `descent trace --spec` prints for `text` (Trace.run: parseMany, runTrace, serialized, newline).
    func cliOutput(_ text: String) throws -> String {
        let (specs, isArray) = try TraceSpec.parseMany(text)
        let results = try specs.map { try runTrace($0).json }
        return (isArray ? JSONValue.array(results) : results[0]).serialized + "\n"
    }

    @Test(arguments: [
        #"{"function": "rosenbrock", "start": [-2.0, 2.0], "optimizer": "adam", "params": {"lr": 0.05, "betas": [0.9, 0.999], "amsgrad": true}, "steps": 60, "schedule": {"kind": "cosine", "T_max": 60, "eta_min": 0.001}}"#,
        #"[{"function": "ellipse", "optimizer": "sgd", "params": {"lr": 0.95}, "steps": 30}, {"function": "ellipse", "optimizer": "momentum", "params": {"lr": 0.1}, "steps": 30}]"#,
        #"{"function": "bowl-1d", "start": [-1], "optimizer": "sgd", "params": {"lr": 2.18}, "steps": 10}"#,
        #"{"function": "saddle", "optimizer": "sgd", "params": {"lr": 1.5}, "steps": 2000}"#,
        #"[]"#,
    ])
    func answersExactlyWhatTheCLIPrints(spec: String) throws {
        #expect(try TraceAPI.respond(to: spec) == (try cliOutput(spec)))
    }

    @Test func singleSpecGivesAnObjectAndAnArrayGivesAnArray() throws {
        let one = try JSONValue(parsing: TraceAPI.respond(to: #"{"function": "booth", "optimizer": "adam", "steps": 3}"#))
        #expect(one["points"]?.arrayValue?.count == 4)
        let many = try JSONValue(parsing: TraceAPI.respond(to: #"[{"function": "booth", "optimizer": "adam", "steps": 3}]"#))
        #expect(many.arrayValue?.count == 1)
    }

    @Test func divergenceIsReportedNotRefused() throws {
        let out = try JSONValue(parsing: TraceAPI.respond(to: #"{"function": "bowl-1d", "optimizer": "sgd", "params": {"lr": 1e200}, "steps": 50}"#))
        #expect(out["diverged"]?["step"] != nil)
    }

    @Test(arguments: [
        (#"{"function": "ellipse", "optimizer": "sgd", "steps": 10001}"#, 422, "steps"),
        (#"[{"function": "ellipse", "optimizer": "sgd", "steps": 5}, {"function": "ellipse", "optimizer": "sgd", "steps": 1e6}]"#, 422, "[1].steps"),
        (#"{"function": "ellipse", "optimizer": "sgd", "steps": "many"}"#, 422, "steps"),
        (#"{"function": "ellipse", "optimizer": "sgd", "params": {"lr": -1}, "steps": 5}"#, 422, "params.lr"),
        (#"[{"function": "ellipse", "optimizer": "adam", "params": {"betas": [0.9, 1.5]}, "steps": 5}]"#, 422, "[0].params.betas[1]"),
        (#"{"function": "ellipse", "optimizer": "adam", "params": {"momentum": 0.9}, "steps": 5}"#, 422, "params.momentum"),
        (#"{"function": "ellipse", "optimizer": "sgd", "params": {"nesterov": true}, "steps": 5}"#, 422, "params.nesterov"),
        (#"{"function": "nowhere", "optimizer": "sgd", "steps": 5}"#, 422, "function"),
        (#"{"function": "ellipse", "optimizer": "sgdd", "steps": 5}"#, 422, "optimizer"),
        (#"{"function": "ellipse", "optimizer": "sgd", "steps": 5, "start": [1]}"#, 422, "start"),
        (#"{"function": "ellipse", "optimizer": "sgd", "steps": 5, "colour": "red"}"#, 422, "colour"),
        (#"{"function": "ellipse", "optimizer": "sgd", "steps": 5, "schedule": {"kind": "cosine"}}"#, 422, "schedule.T_max"),
        (#"42"#, 422, "spec"),
        (#"{"function": "ellipse", "optimizer": "sgd", "steps": 5"#, 400, "body"),
        (#""#, 400, "body"),
    ] as [(String, Int, String)])
    func refusalsNameTheField(body: String, status: Int, field: String) {
        #expect(throws: APIError.self) { try TraceAPI.respond(to: body) }
        do {
            _ = try TraceAPI.respond(to: body)
        } catch {
            #expect(error.status == status)
            #expect(error.field == field, "\(error.message)")
            #expect(error.message.contains(field.split(separator: ".").last.map(String.init) ?? field) || field == "spec" || field == "body")
        }
    }

    @Test func tooManySpecsAreRefusedBeforeAnyRun() {
        let spec = #"{"function": "ellipse", "optimizer": "sgd", "steps": 10}"#
        let body = "[" + Array(repeating: spec, count: 17).joined(separator: ",") + "]"
        #expect(throws: APIError(status: 422, field: "specs",
                                 message: "invalid specs: 17 specs in one request (allowed: at most 16)")) {
            try TraceAPI.respond(to: body)
        }
        let sixteen = "[" + Array(repeating: spec, count: 16).joined(separator: ",") + "]"
        #expect(throws: Never.self) { try TraceAPI.respond(to: sixteen) }
    }

    @Test func limitsAreConfigurable() {
        let limits = ExplorerLimits(maxStepsPerRun: 5, maxSpecsPerRequest: 1, maxBodyBytes: 100)
        #expect(throws: APIError.self) { try TraceAPI.respond(to: #"{"function": "ellipse", "optimizer": "sgd", "steps": 6}"#, limits: limits) }
        #expect(throws: Never.self) { try TraceAPI.respond(to: #"{"function": "ellipse", "optimizer": "sgd", "steps": 5}"#, limits: limits) }
    }
}
