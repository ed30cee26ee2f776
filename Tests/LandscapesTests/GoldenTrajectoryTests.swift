import Foundation
import Landscapes
import Optimizers
import Testing

/// One case of a golden file: the spec and torch's (or optax's) float64 result.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let file: String
    let index: Int
    let json: JSONValue

    var testDescription: String {
        "\(file)#\(index) \(json["function"]!.stringValue!) \(json["optimizer"]!.stringValue!) \(json["params"]!.serialized)"
            + (json["schedule"].map { " \($0.serialized)" } ?? "")
    }

    var points: [[Double]] { json["points"]!.arrayValue!.map { $0.arrayValue!.map { $0.numberValue! } } }
    var values: [Double] { json["values"]!.arrayValue!.map { $0.numberValue! } }
    /// The lrs, when the file records them (optax's does not: its lr is constant).
    var lrs: [Double]? { json["lrs"]?.arrayValue?.map { $0.numberValue! } }
    var optimizer: String { json["optimizer"]!.stringValue! }
    var function: String { json["function"]!.stringValue! }

    /// The spec part of the case (what `descent trace --spec` reads).
    var spec: JSONValue {
        .object(json.objectValue!.filter { ["function", "start", "optimizer", "params", "steps", "schedule"].contains($0.0) })
    }

    static func load(_ file: String) -> [GoldenCase] {
        let url = Bundle.module.url(forResource: "Fixtures/\(file)", withExtension: nil)!
        let text = try! String(contentsOf: url, encoding: .utf8)
        let cases = try! JSONValue(parsing: text)["cases"]!.arrayValue!
        return cases.enumerated().map { GoldenCase(file: file, index: $0.offset, json: $0.element) }
    }

    static let all = load("torch-optim-trajectories.json") + load("optax-lion-trajectories.json")
}

/// |a - b| <= rtol * max(|a|, |b|) + atol.
func close(_ a: Double, _ b: Double, rtol: Double, atol: Double = 1e-12) -> Bool {
    abs(a - b) <= rtol * max(abs(a), abs(b)) + atol
}

@Suite("Golden trajectories (torch.optim, optax)")
struct GoldenTrajectoryTests {
    @Test("float64 matches the reference", arguments: GoldenCase.all)
    func float64(_ c: GoldenCase) throws {
        let result = try runTrace(try TraceSpec(json: c.spec))
        #expect(result.divergence == nil)
        let rtol = c.optimizer == "nadam" ? 1e-6 : 1e-9
        let expected = c.points
        #expect(result.points.count == expected.count)
        var worst = 0.0
        for (p, q) in zip(result.points, expected) {
            for (a, b) in zip(p, q) {
                worst = max(worst, abs(a - b) / max(abs(b), 1e-12))
                #expect(close(a, b, rtol: rtol), "position \(a) vs \(b)")
            }
        }
        for (a, b) in zip(result.values, c.values) { #expect(close(a, b, rtol: rtol), "value \(a) vs \(b)") }
        let lrs = try c.lrs ?? Array(repeating: OptimizerConfig(name: c.optimizer, params: c.json["params"]).hyperparameters.learningRate, count: result.lrs.count)
        #expect(result.lrs.count == lrs.count)
        for (a, b) in zip(result.lrs, lrs) { #expect(close(a, b, rtol: 1e-12, atol: 1e-15), "lr \(a) vs \(b)") }
    }

    static let wellBehaved: Set<String> = ["d2l-ill", "ellipse", "bowl-1d", "booth", "himmelblau"]

    @Test("float32 stays within 1e-4 on the well-behaved functions",
          arguments: GoldenCase.all.filter { wellBehaved.contains($0.function) })
    func float32(_ c: GoldenCase) throws {
        let result = try runTrace(try TraceSpec(json: c.spec), as: Float.self)
        for (p, q) in zip(result.points, c.points) {
            for (a, b) in zip(p, q) { #expect(close(a, b, rtol: 1e-4, atol: 1e-4), "position \(a) vs \(b)") }
        }
    }
}
