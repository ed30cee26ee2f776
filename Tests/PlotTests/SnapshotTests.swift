import Foundation
import Testing
@testable import Plot

/// Pins one small figure of each kind byte for byte. Run once with RECORD_SNAPSHOTS=1 to
/// (re)write Tests/PlotTests/Snapshots/*.svg after an intended change, then look at them
/// (`rsvg-convert -o /tmp/x.png Snapshots/line.svg`) before committing.
@Suite struct SnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

    func assertSnapshot(_ name: String, _ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Self.directory.appendingPathComponent(name + ".svg")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try AtomicFile.write(Data(svg.utf8), to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing snapshot \(url.path); run the tests once with RECORD_SNAPSHOTS=1",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != svg {
            let actual = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.svg")
            try? Data(svg.utf8).write(to: actual)
            let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let new = svg.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
            Issue.record("""
                snapshot \(name).svg differs at line \(line + 1) (actual written to \(actual.path)):
                expected: \(line < old.count ? String(old[line]) : "<end>")
                actual:   \(line < new.count ? String(new[line]) : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }

    static func contour() throws -> ContourChart {
        try ContourChart(title: "Ill-conditioned bowl", function: Fixtures.bowl, x: -5.5...1, y: -3...1,
                         resolution: 21, levels: .linear(count: 6),
                         paths: [PathSeries(label: "GD (lr=0.4)", points: [
                             PlotPoint(-5, -2), PlotPoint(-4.6, 1.2), PlotPoint(-4.23, -0.72),
                             PlotPoint(-3.89, 0.43), PlotPoint(-3.58, -0.26), PlotPoint(-3.29, 0.16)])],
                         minima: [PlotPoint(0, 0)])
    }

    static func line() throws -> LineChart {
        var chart = LineChart(title: "Loss", x: Axis("iteration"), y: Axis("loss", scale: .log10))
        let y = (0..<30).map { i -> Double in
            let t = Double(i)
            return 3 * exp(-t / 8) * (1 + 0.3 * sin(t * 2.1)) + 0.01
        }
        try chart.addSmoothed(label: "SGD", x: (1...30).map(Double.init), y: y)
        return chart
    }

    static func steps() throws -> StepsChart {
        try StepsChart(title: "lr = 1.5", function: { 0.5 * ($0 - 1) * ($0 - 1) + 0.5 }, view: -1...3,
                       steps: [-1, 2, 0.5, 1.25, 0.875], minimum: 1)
    }

    static func bar() -> BarChart {
        BarChart(title: "Test accuracy", y: Axis("accuracy"),
                 bars: [Bar("SGD", 0.8812), Bar("Momentum", 0.9104), Bar("Adam", 0.9187)],
                 valueStyle: .percent(decimals: 1))
    }

    @Test func contourSnapshot() throws {
        try assertSnapshot("contour", Self.contour().svg(width: 480, height: 400))
    }

    @Test func lineSnapshot() throws {
        try assertSnapshot("line", Self.line().svg(width: 480, height: 320))
    }

    @Test func stepsSnapshot() throws {
        try assertSnapshot("steps", Self.steps().svg(width: 480, height: 320))
    }

    @Test func barSnapshot() throws {
        try assertSnapshot("bar", Self.bar().svg(width: 400, height: 300))
    }

    @Test func gridSnapshot() throws {
        let grid = try PanelGrid(panels: [Self.contour(), Self.bar()], columns: 2, title: "Two panels")
        try assertSnapshot("grid", Figure(grid: grid, panelWidth: 360, panelHeight: 300).svg())
    }

    @Test func snapshotsThemselvesAreWellFormed() throws {
        guard !Self.recording else { return }
        for name in ["contour", "line", "steps", "bar", "grid"] {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(name + ".svg"), encoding: .utf8)
            #expect(parseSVG(text).wellFormed, "\(name)")
        }
    }
}
