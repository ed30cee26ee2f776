import Foundation
import Testing
@testable import Lab

@Suite("ellipse (deep learning from scratch, ch. 6)")
struct EllipseExperimentTests {
    /// The book's optimizers (common/optimizer.py) written out on f = x²/20 + y² from (−7, 2),
    /// 30 updates; returns the final point.
    static func book(_ name: String) -> [Double] {
        var p = [-7.0, 2.0]
        var v = [0.0, 0.0], h = [0.0, 0.0], m = [0.0, 0.0]
        for t in 1...30 {
            let g = [p[0] / 10, 2 * p[1]]
            for i in 0..<2 {
                switch name {
                case "SGD":
                    p[i] -= 0.95 * g[i]
                case "Momentum":
                    v[i] = 0.9 * v[i] - 0.1 * g[i]
                    p[i] += v[i]
                case "AdaGrad":
                    h[i] += g[i] * g[i]
                    p[i] -= 1.5 * g[i] / (h[i].squareRoot() + 1e-7)
                default:   // Adam
                    let lrT = 0.3 * (1 - pow(0.999, Double(t))).squareRoot() / (1 - pow(0.9, Double(t)))
                    m[i] += (1 - 0.9) * (g[i] - m[i])
                    h[i] += (1 - 0.999) * (g[i] * g[i] - h[i])
                    p[i] -= lrT * m[i] / (h[i].squareRoot() + 1e-7)
                }
            }
        }
        return p
    }

    @Test("each optimizer ends where the book's does", arguments: ["SGD", "Momentum", "AdaGrad", "Adam"])
    func finalPoints(name: String) throws {
        let report = try SharedReports.ellipse.get()
        let runs = try #require(report[number: "runs"]?.arrayValue)
        let run = try #require(runs.first { $0["name"]?.stringValue == name })
        let point = try #require(run["final_point"]?.arrayValue).compactMap(\.numberValue)
        let expected = Self.book(name)
        // Adam is torch's: the book adds its ε = 1e-7 to √v before the bias correction, torch
        // adds ε = 1e-8 to √v̂ after it; near the minimum that moves the end by about 1e-5.
        let tolerance = name == "Adam" ? 1e-4 : 1e-12
        for (a, b) in zip(point, expected) { #expect(abs(a - b) < tolerance, "\(name): \(point) vs \(expected)") }
        #expect(try #require(run["points"]?.arrayValue).count == 31)
    }

    @Test("four panels, one path each, in four colours")
    func figure() throws {
        let report = try SharedReports.ellipse.get()
        let svg = parseXML(report.figures[0].figure.svg())
        #expect(svg.wellFormed)
        #expect(svg.elements(withClass: "panel").count == 4)
        let strokes = svg.elements("path", inside: "paths").compactMap { $0.attributes["stroke"] }
        #expect(strokes.count == 4 && Set(strokes).count == 4)
        #expect(report.lines.count == 4 && report.lines[2].hasPrefix("AdaGrad: after 30 steps"))
    }
}
