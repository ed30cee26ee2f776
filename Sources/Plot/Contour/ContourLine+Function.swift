extension MarchingSquares {
    /// Contour lines of `function` over a window in one call: samples a `resolution` ×
    /// `resolution` grid, picks the levels and traces them. This is the data a web page needs
    /// (encode the result with `JSONEncoder`).
    ///
    /// - Throws: `PlotError.invalidArgument` for a resolution below 2 or an empty window.
    public static func contours(of function: (Double, Double) -> Double, x: ClosedRange<Double>,
                                y: ClosedRange<Double>, resolution: Int = 121,
                                levels: ContourLevels = .automatic(count: 18)) throws -> [ContourLine] {
        let grid = try ScalarGrid(x: x, y: y, columns: resolution, rows: resolution, function: function)
        return contours(grid, levels: levels.levels(for: grid))
    }
}
