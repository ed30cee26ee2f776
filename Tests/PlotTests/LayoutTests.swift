import Foundation
import Testing
@testable import Plot

@Suite struct PolylineClipperTests {
    let box = PlotRect(x: 0, y: 0, width: 100, height: 100)

    @Test func nilAndNonFinitePointsBreakTheLine() {
        let pieces = PolylineClipper.clip([PlotPoint(10, 10), PlotPoint(20, 20), nil, PlotPoint(30, 30),
                                           PlotPoint(40, 40), PlotPoint(.nan, 5), PlotPoint(50, 50)], to: box)
        #expect(pieces == [[PlotPoint(10, 10), PlotPoint(20, 20)], [PlotPoint(30, 30), PlotPoint(40, 40)]])
    }

    @Test func segmentsLeavingTheBoxAreCutAtItsBorder() {
        let pieces = PolylineClipper.clip([PlotPoint(50, 50), PlotPoint(50, 1e12), PlotPoint(60, 50)], to: box)
        #expect(pieces.count == 2)
        #expect(pieces[0] == [PlotPoint(50, 50), PlotPoint(50, 100)])
        #expect(pieces[1].last == PlotPoint(60, 50))
        #expect(abs(pieces[1][0].y - 100) < 1e-9 && abs(pieces[1][0].x - 60) < 1e-6)
    }

    @Test func aSegmentCrossingTheWholeBoxIsKept() {
        let pieces = PolylineClipper.clip([PlotPoint(-50, 50), PlotPoint(150, 50)], to: box)
        #expect(pieces == [[PlotPoint(0, 50), PlotPoint(100, 50)]])
    }

    @Test func segmentsMissingTheBoxVanish() {
        #expect(PolylineClipper.clip([PlotPoint(-50, -50), PlotPoint(-10, 200)], to: box).isEmpty)
    }
}

@Suite struct LegendPlacementTests {
    let frame = PlotRect(x: 0, y: 0, width: 600, height: 400)
    let legend = Legend(entries: [LegendEntry("a", .line(color: "#000", width: 2)),
                                  LegendEntry("b", .line(color: "#000", width: 2))])

    func place(_ placement: LegendPlacement = .automatic, obstacles: @escaping (AxesFrame) -> [[PlotPoint]]) -> CartesianLayout {
        CartesianLayout.place(frame: frame, title: "t", x: Axis("x"), y: Axis("y"), xDomain: (0, 1), yDomain: (0, 1),
                              legend: legend, placement: placement, theme: .standard, obstacles: obstacles)
    }

    func corner(of layout: CartesianLayout) -> (left: Bool, top: Bool) {
        let area = layout.axes.plotArea
        let origin = layout.legendOrigin!
        return (origin.x < area.midX, origin.y < area.midY)
    }

    @Test func emptyPlotUsesTopRight() {
        let layout = place { _ in [] }
        #expect(corner(of: layout) == (false, true))
    }

    @Test func decreasingCurveLeavesTopRightAndBottomLeftFree() {
        // A curve from top left to bottom right, hugging the diagonal.
        let layout = place { axes in
            [(0...20).compactMap { axes.pixel(PlotPoint(Double($0) / 20, 1 - Double($0) / 20)) }]
        }
        #expect(corner(of: layout) == (false, true))
    }

    @Test func aCurveThroughTheTopCornersSendsTheLegendDown() {
        let layout = place { axes in
            [(0...40).compactMap { i -> PlotPoint? in
                let x = Double(i) / 40
                return axes.pixel(PlotPoint(x, 4 * (x - 0.5) * (x - 0.5)))   // U shape
            }]
        }
        #expect(corner(of: layout).top == false)
        let area = layout.axes.plotArea
        let box = PlotRect(x: layout.legendOrigin!.x, y: layout.legendOrigin!.y,
                           width: legend.size.width, height: legend.size.height)
        #expect(area.contains(PlotPoint(box.minX, box.minY)) && area.contains(PlotPoint(box.maxX, box.maxY)))
    }

    @Test func dataEverywhereMovesTheLegendOutside() {
        let layout = place { axes in
            var points: [[PlotPoint]] = []
            for i in 0...30 { for j in 0...30 {
                if let p = axes.pixel(PlotPoint(Double(i) / 30, Double(j) / 30)) { points.append([p]) }
            } }
            return points
        }
        let origin = layout.legendOrigin!
        let area = layout.axes.plotArea
        #expect(origin.x > area.maxX)
        #expect(area.maxX + legend.size.width <= frame.maxX)
        let inside = place { _ in [] }
        #expect(layout.axes.plotArea.width < inside.axes.plotArea.width)
    }

    @Test func explicitPlacementsAreHonoured() {
        let bottomLeft = place(.bottomLeft) { _ in [] }
        #expect(corner(of: bottomLeft) == (true, false))
        let hidden = place(.hidden) { _ in [] }
        #expect(hidden.legendOrigin == nil)
        let below = place(.outsideBottom) { _ in [] }
        #expect(below.legendOrigin!.y > below.axes.plotArea.maxY)
        #expect(below.legend!.columns == 2)
    }

    @Test func contourLegendAvoidsThePaths() throws {
        // Paths fill the left half; the legend must go right.
        let paths = (0..<3).map { k in
            PathSeries(label: "path \(k)", points: (0...30).map { PlotPoint(-2 + Double($0) / 30 * 1.8, -1 + Double($0) / 30 * 4 - Double(k) * 0.1) })
        }
        let chart = ContourChart(x: -2...2, y: -1...3, contours: [], paths: paths, minima: [PlotPoint(1, 1)])
        var canvas = SVGCanvas(width: 640, height: 560)
        chart.draw(in: PlotRect(x: 0, y: 0, width: 640, height: 560), on: &canvas)
        let legendGroup = try #require(canvas.elements.first { $0.attribute("class") == "legend" })
        let box = legendGroup.children[0]
        let x = Double(box.attribute("x")!)!
        #expect(x > 320)
    }
}

@Suite struct AxisDomainTests {
    @Test func fittedDomainsIgnoreNonFiniteAndNonPositiveOnLog() {
        let data = [0.0, -1, .nan, .infinity, 0.01, 3]
        #expect(Axis(scale: .linear).resolvedDomain(data: data, padding: .none) == (-1, 3))
        let (lo, hi) = Axis(scale: .log10).resolvedDomain(data: data, padding: .none)
        #expect(lo == 0.01 && hi == 3)
    }

    @Test func degenerateDomainsAreWidened() {
        #expect(Axis().resolvedDomain(data: [2, 2], padding: .none) == (1.8, 2.2))
        #expect(Axis().resolvedDomain(data: [], padding: .nice) == (0, 1))
        #expect(Axis(domain: 0...10).resolvedDomain(data: [100], padding: .nice) == (0, 10))
    }

    @Test func scaleMapsDomainOntoRangeAndRejectsWhatCannotBeShown() {
        let log = AxisScale(kind: .log10, domain: (1e-3, 10), range: (400, 0))
        #expect(log.pixel(1e-3) == 400)
        #expect(abs(log.pixel(1)! - 100) < 1e-9)
        #expect(log.pixel(0) == nil && log.pixel(-1) == nil && log.pixel(.nan) == nil)
        #expect(abs(log.value(atPixel: 100) - 1) < 1e-12)
    }
}
