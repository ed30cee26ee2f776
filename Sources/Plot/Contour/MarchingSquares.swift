/// Contour lines of a sampled function by marching squares.
///
/// Each grid cell is classified by which of its four corners lie at or above the level
/// (16 cases); the level crosses an edge whose ends disagree, at the linear interpolation
/// t = (c − v₀)/(v₁ − v₀). The two saddle cases are resolved by the cell's mean value.
/// Segments are then joined into polylines through the grid edges they share, so joins are
/// exact; lines end at the window border or at cells holding NaN/∞, and otherwise close
/// into rings.
public enum MarchingSquares {
    /// The contour lines of `grid` at each of `levels` (non-finite levels are skipped).
    public static func contours(_ grid: ScalarGrid, levels: [Double]) -> [ContourLine] {
        levels.filter(\.isFinite).flatMap { contours(grid, level: $0) }
    }

    /// The contour lines of `grid` at one level.
    public static func contours(_ grid: ScalarGrid, level: Double) -> [ContourLine] {
        let segments = cellSegments(grid, level: level)
        return join(segments).map { edges in
            var points: [[Double]] = []
            for edge in edges {
                let p = crossing(grid, edge: edge, level: level)
                if points.last != p { points.append(p) }
            }
            return ContourLine(level: level, points: points)
        }.filter { $0.points.count >= 2 }
    }

    // Edge ids: horizontal edge from (i, j) to (i+1, j) is 2(j·nx + i); vertical edge from
    // (i, j) to (i, j+1) is 2(j·nx + i) + 1.
    static func horizontal(_ i: Int, _ j: Int, _ nx: Int) -> Int { 2 * (j * nx + i) }
    static func vertical(_ i: Int, _ j: Int, _ nx: Int) -> Int { 2 * (j * nx + i) + 1 }

    /// The point where the level crosses `edge`, as [x, y].
    static func crossing(_ grid: ScalarGrid, edge: Int, level: Double) -> [Double] {
        let nx = grid.columns
        let cell = edge / 2, i = cell % nx, j = cell / nx
        let (i1, j1) = edge % 2 == 0 ? (i + 1, j) : (i, j + 1)
        let v0 = grid.value(i, j), v1 = grid.value(i1, j1)
        let t = v1 == v0 ? 0.5 : min(max((level - v0) / (v1 - v0), 0), 1)
        return [grid.xs[i] + t * (grid.xs[i1] - grid.xs[i]), grid.ys[j] + t * (grid.ys[j1] - grid.ys[j])]
    }

    /// Every cell's segments as pairs of edge ids.
    static func cellSegments(_ grid: ScalarGrid, level: Double) -> [(Int, Int)] {
        let nx = grid.columns
        var segments: [(Int, Int)] = []
        for j in 0..<(grid.rows - 1) {
            for i in 0..<(nx - 1) {
                let v00 = grid.value(i, j), v10 = grid.value(i + 1, j)
                let v11 = grid.value(i + 1, j + 1), v01 = grid.value(i, j + 1)
                guard v00.isFinite, v10.isFinite, v11.isFinite, v01.isFinite else { continue }
                let index = (v00 >= level ? 1 : 0) | (v10 >= level ? 2 : 0)
                    | (v11 >= level ? 4 : 0) | (v01 >= level ? 8 : 0)
                if index == 0 || index == 15 { continue }
                let bottom = horizontal(i, j, nx), top = horizontal(i, j + 1, nx)
                let left = vertical(i, j, nx), right = vertical(i + 1, j, nx)
                let centerAbove = (v00 + v10 + v11 + v01) / 4 >= level
                switch index {
                case 1, 14: segments.append((left, bottom))
                case 2, 13: segments.append((bottom, right))
                case 3, 12: segments.append((left, right))
                case 4, 11: segments.append((right, top))
                case 6, 9: segments.append((bottom, top))
                case 7, 8: segments.append((left, top))
                case 5:
                    if centerAbove { segments += [(bottom, right), (top, left)] }
                    else { segments += [(left, bottom), (right, top)] }
                default: // 10
                    if centerAbove { segments += [(left, bottom), (right, top)] }
                    else { segments += [(bottom, right), (top, left)] }
                }
            }
        }
        return segments
    }

    /// Chains segments that share an edge into sequences of edge ids. Open chains start at an
    /// edge used once (border or gap); what remains are rings, which end on their first edge.
    static func join(_ segments: [(Int, Int)]) -> [[Int]] {
        var byEdge: [Int: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byEdge[segment.0, default: []].append(index)
            byEdge[segment.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        func walk(from segment: Int, startingAt edge: Int) -> [Int] {
            var chain = [edge]
            var current = segment, here = edge
            while true {
                used[current] = true
                let (a, b) = segments[current]
                here = a == here ? b : a
                chain.append(here)
                guard let next = byEdge[here]?.first(where: { !used[$0] }) else { break }
                current = next
            }
            return chain
        }
        var chains: [[Int]] = []
        for (index, segment) in segments.enumerated() where !used[index] {
            for edge in [segment.0, segment.1] where !used[index] && byEdge[edge]?.count == 1 {
                chains.append(walk(from: index, startingAt: edge))
            }
        }
        for (index, segment) in segments.enumerated() where !used[index] {
            chains.append(walk(from: index, startingAt: segment.0))
        }
        return chains
    }
}
