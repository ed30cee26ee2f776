import Foundation
import Testing
@testable import Plot

/// Every kind of chart yields a well-formed SVG with a viewBox, readable fonts and bounded
/// coordinates, however unfriendly the data.
@Suite struct ChartDocumentTests {
    static func lineChart() throws -> LineChart {
        var chart = LineChart(title: "Loss & accuracy", x: Axis("iteration"), y: Axis("loss", scale: .log10))
        let noisy = (1...200).map { i in 2 * exp(-Double(i) / 60) + 0.05 * (1 + sin(Double(i))) }
        try chart.addSmoothed(label: "SGD", x: (1...200).map(Double.init), y: noisy)
        chart.add(try LineSeries(label: "diverging", x: [1, 2, 3, 4, 5, 6], y: [1, 0.5, .nan, 3, 1e300, .infinity]))
        return chart
    }

    static func contourChart() throws -> ContourChart {
        try ContourChart(title: "Rosenbrock", function: Fixtures.rosenbrock, x: -2...2, y: -1...3,
                         resolution: 41, levels: .logSpaced(count: 10, floor: 0),
                         paths: [PathSeries(label: "Adam (lr=0.3) f=1.2e-4", points: Fixtures.path),
                                 PathSeries(label: "far away", points: [PlotPoint(0, 0), PlotPoint(1e200, -1e200),
                                                                        PlotPoint(.nan, 1), PlotPoint(0.5, 0.5)])],
                         minima: [PlotPoint(1, 1)])
    }

    static func stepsChart() throws -> StepsChart {
        var thetas = [-1.0]
        for _ in 0..<6 { thetas.append(thetas.last! - 2.5 * (thetas.last! - 1)) }
        return try StepsChart(title: "lr = 2.5", function: { 0.5 * ($0 - 1) * ($0 - 1) + 0.5 },
                              view: -1...3, steps: thetas, minimum: 1)
    }

    static func barChart() -> BarChart {
        BarChart(title: "Test accuracy", y: Axis("accuracy"),
                 bars: [Bar("SGD", 0.8812), Bar("Adam", 0.9187), Bar("broken", .nan)],
                 valueStyle: .percent(decimals: 1))
    }

    static func allDocuments() throws -> [(String, String)] {
        let grid = try PanelGrid(panels: [try contourChart(), try contourChart(), try stepsChart(), barChart()],
                                 columns: 2, title: "Panels")
        return [
            ("line", try lineChart().svg()),
            ("contour", try contourChart().svg(width: 600, height: 520)),
            ("steps", try stepsChart().svg()),
            ("bar", barChart().svg()),
            ("grid", Figure(grid: grid).svg()),
        ]
    }

    @Test func everyKindParsesAsXML() throws {
        for (name, svg) in try Self.allDocuments() {
            let parsed = parseSVG(svg)
            #expect(parsed.wellFormed, "\(name): \(parsed.error ?? "")")
            #expect(parsed.count("svg") == 1, "\(name)")
            #expect(parsed.count("text") > 3, "\(name)")
        }
    }

    @Test func rootHasSizeViewBoxAndFonts() throws {
        let parsed = parseSVG(Self.barChart().svg(width: 500, height: 300))
        #expect(parsed.rootAttributes["viewBox"] == "0 0 500 300")
        #expect(parsed.rootAttributes["width"] == "500")
        #expect(parsed.rootAttributes["height"] == "300")
        #expect(parsed.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(parsed.rootAttributes["font-family"]?.hasPrefix("DejaVu Sans") == true)
        let sizes = Set(parsed.values("font-size").compactMap(Double.init))
        #expect(sizes.isSubset(of: [12, 14, 16, 17]) && sizes.contains(12) && sizes.contains(16))
    }

    @Test func coordinatesStayNearThePageEvenForAbsurdData() throws {
        for (name, svg) in try Self.allDocuments() {
            let numbers = coordinateNumbers(in: parseSVG(svg))
            #expect(!numbers.isEmpty)
            #expect(numbers.allSatisfy { $0.isFinite && abs($0) < 2000 }, "\(name): \(numbers.max()!)")
            #expect(!svg.contains("nan") && !svg.contains("inf\""), "\(name)")
        }
    }

    @Test func coordinatesHaveAtMostTwoDecimals() throws {
        let svg = try Self.contourChart().svg()
        let parsed = parseSVG(svg)
        for value in parsed.values("d") + parsed.values("cx") + parsed.values("x") {
            for token in value.split(whereSeparator: { "ML ,".contains($0) }) where token.contains(".") {
                #expect(token.split(separator: ".").last!.count <= 2, "\(token)")
            }
        }
    }

    @Test func dataIsClippedToThePlotArea() throws {
        let parsed = parseSVG(try Self.contourChart().svg())
        #expect(parsed.count("clipPath") == 2)
        let references = parsed.values("clip-path")
        let ids = parsed.values("id")
        #expect(references.count == 2)
        #expect(references.allSatisfy { ref in ids.contains { "url(#\($0))" == ref } })
    }

    @Test func panelGridHasOnePanelGroupPerChartAndUniqueIDs() throws {
        let svg = try Self.allDocuments().first { $0.0 == "grid" }!.1
        let parsed = parseSVG(svg)
        #expect(parsed.values("class").filter { $0 == "panel" }.count == 4)
        let ids = parsed.values("id")
        #expect(Set(ids).count == ids.count)
        #expect(ids.count >= 7)   // 2 clips per contour panel, clip + arrow for steps, clip for bars
        #expect(parsed.texts.contains("Panels"))
    }

    @Test func panelGridRejectsEmptyAndZeroColumns() {
        #expect(throws: PlotError.self) { _ = try PanelGrid(panels: [], columns: 2) }
        #expect(throws: PlotError.self) { _ = try PanelGrid(panels: [Self.barChart()], columns: 0) }
    }

    @Test func seriesRejectMismatchedLengths() {
        #expect(throws: PlotError.invalidArgument(name: "x/y of series \"a\"", value: "2/3 values",
                                                  allowed: "x and y must have the same length")) {
            _ = try LineSeries(label: "a", x: [1, 2], y: [1, 2, 3])
        }
    }
}

/// Empty, tiny and degenerate inputs still give well-formed documents (no traps, no NaN).
@Suite struct DegenerateInputTests {
    static func charts() throws -> [any Chart] {
        [
            LineChart(),
            LineChart(series: [LineSeries(label: "nan", y: [.nan, .nan]), LineSeries(label: "one", y: [2])]),
            LineChart(y: Axis("log", scale: .log10), series: [LineSeries(label: "neg", y: [-1, 0, -3])]),
            LineChart(series: [LineSeries(label: "flat", y: [5, 5, 5, 5])]),
            ContourChart(x: 0...1, y: 0...1, contours: []),
            try ContourChart(function: { _, _ in 1 }, x: 0...1, y: 0...1, resolution: 5),
            try ContourChart(function: { _, _ in .nan }, x: 0...1, y: 0...1, resolution: 5,
                             paths: [PathSeries(label: "void", points: [])]),
            BarChart(bars: []),
            BarChart(bars: [Bar("zero", 0), Bar("inf", .infinity)]),
            try StepsChart(function: { $0 * $0 }, view: -1...1, steps: []),
            try StepsChart(function: { $0 * $0 }, view: -1...1, steps: [.nan, 1e300, -1e300]),
        ]
    }

    @Test(arguments: [(720.0, 480.0), (120.0, 90.0), (40.0, 30.0)])
    func everyChartRendersAtEverySize(width: Double, height: Double) throws {
        for (index, chart) in try Self.charts().enumerated() {
            let svg = chart.svg(width: width, height: height)
            let parsed = parseSVG(svg)
            #expect(parsed.wellFormed, "chart \(index): \(parsed.error ?? "")")
            #expect(coordinateNumbers(in: parsed).allSatisfy { $0.isFinite && abs($0) < 5000 }, "chart \(index)")
        }
    }
}
