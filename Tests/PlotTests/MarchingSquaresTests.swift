import Foundation
import Testing
@testable import Plot

@Suite struct MarchingSquaresTests {
    static let circleGrid = try! ScalarGrid(x: -2...2, y: -2...2, columns: 81, rows: 81) { $0 * $0 + $1 * $1 }

    /// Shoelace area of a closed ring.
    static func area(_ points: [[Double]]) -> Double {
        var sum = 0.0
        for (a, b) in zip(points, points.dropFirst()) { sum += a[0] * b[1] - b[0] * a[1] }
        return abs(sum) / 2
    }

    @Test(arguments: [1.0, 1.5, 0.5])
    func circleGivesOneClosedRingOfTheRightRadius(radius: Double) {
        let lines = MarchingSquares.contours(Self.circleGrid, level: radius * radius)
        #expect(lines.count == 1)
        let ring = lines[0]
        #expect(ring.isClosed)
        #expect(ring.level == radius * radius)
        let radii = ring.points.map { ($0[0] * $0[0] + $0[1] * $0[1]).squareRoot() }
        #expect(radii.allSatisfy { abs($0 - radius) < 2e-3 }, "radii \(radii.min()!)…\(radii.max()!)")
        #expect(abs(Self.area(ring.points) / (Double.pi * radius * radius) - 1) < 5e-3)
        #expect(ring.points.count > 40)
    }

    @Test func ringsDoNotRepeatConsecutivePoints() {
        let ring = MarchingSquares.contours(Self.circleGrid, level: 1)[0]
        #expect(zip(ring.points, ring.points.dropFirst()).allSatisfy { $0 != $1 })
    }

    @Test func levelsOutsideTheRangeGiveNothing() {
        #expect(MarchingSquares.contours(Self.circleGrid, levels: [-1, 100, .nan]).isEmpty)
    }

    @Test func planeGivesOneOpenStraightLineAcrossTheWindow() throws {
        let grid = try ScalarGrid(x: 0...1, y: 0...1, columns: 11, rows: 11) { x, _ in x }
        let lines = MarchingSquares.contours(grid, level: 0.35)
        #expect(lines.count == 1)
        #expect(!lines[0].isClosed)
        #expect(lines[0].points.count == 11)
        #expect(lines[0].points.allSatisfy { abs($0[0] - 0.35) < 1e-12 })
        let ys = lines[0].points.map { $0[1] }
        #expect(Set([ys.first!, ys.last!]) == [0, 1])
    }

    @Test func twoMinimaGiveTwoRings() throws {
        let grid = try ScalarGrid(x: -3...3, y: -2...2, columns: 61, rows: 41) { x, y in
            min((x - 1.5) * (x - 1.5) + y * y, (x + 1.5) * (x + 1.5) + y * y)
        }
        let lines = MarchingSquares.contours(grid, level: 0.5)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.isClosed })
        let centres = lines.map { line in line.points.map { $0[0] }.reduce(0, +) / Double(line.points.count) }
        #expect(centres.map { ($0 * 10).rounded() / 10 }.sorted() == [-1.5, 1.5])
    }

    @Test func saddleCellsConnectConsistently() throws {
        // f = xy has a saddle at the origin; the zero level is the two axes and every other
        // level two hyperbola branches, none crossing the other.
        let grid = try ScalarGrid(x: -1...1, y: -1...1, columns: 20, rows: 20) { $0 * $1 }
        let lines = MarchingSquares.contours(grid, level: 0.1)
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.points.allSatisfy { $0[0] * $0[1] > 0 })
            #expect(Set(line.points.map { $0[0] > 0 }).count == 1)   // each branch in one quadrant
        }
    }

    @Test func nonFiniteValuesCutLinesInsteadOfCorruptingThem() throws {
        let grid = try ScalarGrid(x: -2...2, y: -2...2, columns: 41, rows: 41) { x, y in
            x > 0.5 && abs(y) < 0.3 ? .nan : x * x + y * y
        }
        let lines = MarchingSquares.contours(grid, level: 1)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { !$0.isClosed })
        #expect(lines.allSatisfy { $0.points.allSatisfy { $0.allSatisfy { $0.isFinite } } })
    }

    @Test func contourLinesRoundTripThroughJSON() throws {
        let lines = MarchingSquares.contours(Self.circleGrid, levels: [0.25, 1])
        let data = try JSONEncoder().encode(lines)
        let decoded = try JSONDecoder().decode([ContourLine].self, from: data)
        #expect(decoded == lines)
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(lines[0].rounded(decimals: 3)))
        let dictionary = try #require(object as? [String: Any])
        #expect(Set(dictionary.keys) == ["level", "points"])
        #expect((dictionary["points"] as? [[Double]])?.first?.count == 2)
    }

    @Test func functionShortcutMatchesTheGridPath() throws {
        let direct = try MarchingSquares.contours(of: { $0 * $0 + $1 * $1 }, x: -2...2, y: -2...2,
                                                  resolution: 81, levels: .values([1]))
        #expect(direct == MarchingSquares.contours(Self.circleGrid, level: 1))
    }

    @Test func gridRejectsBadArguments() {
        #expect(throws: PlotError.invalidArgument(name: "rows", value: "1", allowed: "must be at least 2")) {
            _ = try ScalarGrid(x: 0...1, y: 0...1, columns: 5, rows: 1) { $0 + $1 }
        }
        #expect(throws: PlotError.self) { _ = try ScalarGrid(x: 1...1, y: 0...1, columns: 5, rows: 5) { $0 + $1 } }
    }
}

@Suite struct ContourLevelsTests {
    static let rosenbrock = try! ScalarGrid(x: -2...2, y: -1...3, columns: 61, rows: 61, function: Fixtures.rosenbrock)

    @Test func logSpacedLevelsAreGeometricAboveTheFloor() {
        let levels = ContourLevels.logLevels(floor: 0, max: 2509, count: 10, decades: 5)
        #expect(levels.count == 10)
        #expect(levels.first == 0.025)
        let ratios = zip(levels, levels.dropFirst()).map { $1 / $0 }
        #expect(ratios.allSatisfy { abs($0 - 3.16) < 0.2 })
        #expect(levels.last! < 2509)
    }

    @Test func logSpacedLevelsAreRoundedToTwoDigits() {
        for level in ContourLevels.logLevels(floor: 0, max: 1000, count: 7, decades: 4) {
            let mantissa = level / pow(10, floor(log10(level)) - 1)
            #expect(abs(mantissa - mantissa.rounded()) < 1e-6, "\(level)")
        }
    }

    @Test func automaticChoosesLogLevelsForRosenbrockAndLinearForABowl() throws {
        let rosen = ContourLevels.automatic(count: 12).levels(for: Self.rosenbrock)
        #expect(rosen.count >= 10)
        #expect(rosen.first! < 1)                  // packed near the minimum
        let bowlGrid = try ScalarGrid(x: -5.5...1, y: -3...1, columns: 41, rows: 41, function: Fixtures.bowl)
        let bowl = ContourLevels.automatic(count: 10).levels(for: bowlGrid)
        let gaps = Set(zip(bowl, bowl.dropFirst()).map { (($1 - $0) * 1e9).rounded() })
        #expect(gaps.count == 1)                   // evenly spaced
        #expect(bowl.allSatisfy { $0 > 0 && $0 < 21.025 })
    }

    @Test func explicitLevelsAreSortedAndFiltered() {
        #expect(ContourLevels.values([3, .nan, 1, 2]).levels(for: Self.rosenbrock) == [1, 2, 3])
    }
}
