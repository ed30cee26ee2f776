import Foundation
import Testing
@testable import Plot

@Suite struct StepsChartTests {
    let bowl: @Sendable (Double) -> Double = { 0.5 * ($0 - 1) * ($0 - 1) + 0.5 }

    @Test func convergingRunKeepsTheRequestedView() throws {
        let chart = try StepsChart(function: bowl, view: -1...3, steps: [-1, 0, 0.5, 0.75], minimum: 1)
        let domain = try #require(chart.x.domain)
        #expect(domain.lowerBound < -1 && domain.lowerBound > -1.2)
        #expect(domain.upperBound > 3 && domain.upperBound < 3.2)
        #expect(chart.steps.map(\.y) == [2.5, 1, 0.625, 0.53125])
        #expect(chart.minimum == PlotPoint(1, 0.5))
    }

    @Test func divergingRunWidensTheViewToEveryFiniteIterate() throws {
        var thetas = [-1.0]
        for _ in 0..<8 { thetas.append(thetas.last! - 2.2 * (thetas.last! - 1)) }
        thetas.append(.infinity)
        let chart = try StepsChart(function: bowl, view: -1...3, steps: thetas, minimum: 1)
        let domain = try #require(chart.x.domain)
        for theta in thetas where theta.isFinite { #expect(domain.contains(theta)) }
        #expect(chart.curve.allSatisfy { domain.contains($0.x) })
        #expect(chart.curve.contains { $0.x == thetas[8] })     // the curve passes through the iterates
        let parsed = parseSVG(chart.svg())
        #expect(parsed.wellFormed)
        #expect(parsed.count("marker") == 1)
        #expect(parsed.values("marker-end").count == 8)           // one arrow per finite step
    }

    @Test func longRunsUsePlainSegments() throws {
        let thetas = (0..<60).map { -1 + 2 * (1 - pow(0.9, Double($0))) }
        let parsed = parseSVG(try StepsChart(function: bowl, view: -1...3, steps: thetas).svg())
        #expect(parsed.count("marker") == 0)
        #expect(parsed.count("line") > 59)
    }

    @Test func rejectsAnEmptyView() {
        #expect(throws: PlotError.self) { _ = try StepsChart(function: bowl, view: 1...1, steps: [0]) }
    }
}

@Suite struct BarChartTests {
    @Test func barsCarryTheirValueLabels() {
        let chart = BarChart(title: "Accuracy", y: Axis("accuracy"),
                             bars: [Bar("SGD", 0.8812), Bar("Adam", 0.9187), Bar("RMSprop", 0.9)],
                             valueStyle: .percent(decimals: 1))
        let parsed = parseSVG(chart.svg(width: 500, height: 360))
        #expect(parsed.wellFormed)
        for label in ["88.1%", "91.9%", "90.0%", "SGD", "Adam", "RMSprop", "Accuracy"] {
            #expect(parsed.texts.contains(label), "\(label)")
        }
        #expect(parsed.count("rect") == 2 + 3 + 1)     // background, frame, bars, clip rect
    }

    @Test func negativeBarsHangBelowZeroAndLongNamesTurn() {
        let names = ["a rather long optimizer name", "another long optimizer name", "third long name here"]
        let chart = BarChart(bars: zip(names, [1.5, -0.5, 2]).map { Bar($0, $1) }, valueStyle: .decimals(2))
        let svg = chart.svg(width: 420, height: 320)
        let parsed = parseSVG(svg)
        #expect(parsed.texts.contains("-0.50"))
        #expect(parsed.values("transform").filter { $0.hasPrefix("rotate(-35") }.count == 3)
    }

    @Test func valueStyles() {
        #expect(ValueStyle.decimals(3).text(0.12345) == "0.123")
        #expect(ValueStyle.percent(decimals: 1).text(0.9187) == "91.9%")
        #expect(ValueStyle.compact.text(0.000123) == "1.23e-4")
    }
}

@Suite struct LineChartTests {
    @Test func smoothedSeriesSharesTheRawColourAndDrawsOnTop() throws {
        var chart = LineChart()
        try chart.addSmoothed(label: "SGD", x: (1...30).map(Double.init), y: (1...30).map { 1 / Double($0) })
        try chart.addSmoothed(label: "Adam", x: (1...30).map(Double.init), y: (1...30).map { 2 / Double($0) })
        #expect(chart.series.map(\.style) == [.raw, .solid, .raw, .solid])
        let colors = chart.colors()
        #expect(colors[0] == colors[1] && colors[2] == colors[3] && colors[0] != colors[2])
        let parsed = parseSVG(chart.svg())
        let opacities = parsed.values("stroke-opacity")
        #expect(opacities.filter { $0 == "0.35" }.count >= 2)
        #expect(parsed.texts.contains("SGD") && parsed.texts.contains("Adam") && parsed.texts.contains("raw (light)"))
    }

    @Test func seriesAddedAfterASmoothedPairTakeTheNextColour() throws {
        var chart = LineChart()
        try chart.addSmoothed(label: "SGD", x: (1...20).map(Double.init), y: (1...20).map { 1 / Double($0) })
        chart.add(LineSeries(label: "reference", y: [1, 0.5], style: .dashed))
        chart.add(LineSeries(label: "pinned", y: [1, 0.5], colorIndex: 5))
        #expect(chart.colors() == [Palette.color(0), Palette.color(0), Palette.color(1), Palette.color(5)])
    }

    @Test func logAxisLabelsAreDecadesWithoutNoise() throws {
        let chart = LineChart(x: Axis("step"), y: Axis("loss", scale: .log10),
                              series: [LineSeries(label: "a", y: (0..<50).map { pow(10, -Double($0) / 7) })])
        let texts = parseSVG(chart.svg()).texts
        #expect(texts.contains("1e-6") && texts.contains("1e-4") && texts.contains("0.01") && texts.contains("1"))
        #expect(!texts.contains { $0.contains("000001") || $0.contains("99999") })
    }
}

@Suite struct FigureOutputTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writeReplacesTheFileAndLeavesNoTemporaryBehind() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bars.svg")
        try "old".write(to: url, atomically: false, encoding: .utf8)
        let figure = Figure(BarChart(bars: [Bar("a", 1)]), width: 300, height: 200)
        try figure.write(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == figure.svg())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["bars.svg"])
    }

    @Test func writeToAMissingDirectoryNamesThePath() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/fig.svg")
        #expect {
            try Figure(BarChart(bars: [Bar("a", 1)])).write(to: url)
        } throws: { error in
            guard case let .writeFailed(path, _) = error as? PlotError else { return false }
            return path == url.path
        }
    }

    @Test func missingRendererGivesAClearError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(SVGRasterizer.locate(environment: ["PATH": directory.path]) == nil)
        #expect(throws: PlotError.rendererNotFound(program: "rsvg-convert", searchedPath: directory.path)) {
            try SVGRasterizer.convert(svgURL: directory.appendingPathComponent("a.svg"),
                                      pngURL: directory.appendingPathComponent("a.png"),
                                      environment: ["PATH": directory.path])
        }
        #expect(PlotError.rendererNotFound(program: "rsvg-convert", searchedPath: "/bin").description
                    .contains("apt-get install librsvg2-bin"))
    }

    @Test(.enabled(if: SVGRasterizer.locate() != nil, "rsvg-convert is not installed"))
    func pngIsWrittenWhenTheRendererIsInstalled() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("steps.svg"), png = directory.appendingPathComponent("steps.png")
        try Figure(try StepsChart(function: { $0 * $0 }, view: -1...1, steps: [1, -0.5, 0.25]), width: 320, height: 240)
            .write(to: svg)
        try Figure.writePNG(svgURL: svg, pngURL: png)
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["steps.svg", "steps.png"])
    }
}
