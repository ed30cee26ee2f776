import Landscapes
import Plot

/// Charts of optimizer runs on a test function: contour lines with the paths for 2-D
/// functions, the function curve with the steps on it for 1-D ones.
public enum LandscapePlot {
    /// Paths with more steps than this are drawn without a dot per step.
    public static let stepDotLimit = 150

    /// Contour levels that suit `function`: log-spaced for landscapes spanning decades
    /// (Rosenbrock, Beale, Himmelblau), else chosen from the value distribution.
    public static func levels(for function: TestFunction) -> ContourLevels {
        function.logLevels ? .logSpaced(count: 20) : .automatic(count: 16)
    }

    /// The legend text of a run: its optimizer and final value, e.g. `Adam(lr=0.3): f = 1.2e-4`.
    public static func pathLabel(_ result: TraceResult) -> String {
        result.optimizerLabel + ": " + result.outcomeText
    }

    /// Contour lines of a 2-D `function` over its window with one path per run (labelled by
    /// `labels`, default `pathLabel`), the start and the known minima marked.
    public static func contour(_ function: TestFunction, runs: [TraceResult], title: String?,
                               labels: [String]? = nil, levels: ContourLevels? = nil,
                               colorOffset: Int = 0) throws -> ContourChart {
        let window = function.yRange ?? function.xRange
        let paths = runs.enumerated().map { index, run in
            PathSeries(label: labels?[index] ?? pathLabel(run), xy: run.points,
                       showSteps: run.points.count <= stepDotLimit + 1, colorIndex: colorOffset + index)
        }
        return try ContourChart(title: title, function: { x, y in function.value(x: x, y: y) },
                                x: function.xRange, y: window, levels: levels ?? self.levels(for: function),
                                paths: paths, minima: function.minima.map { PlotPoint($0[0], $0[1]) },
                                xLabel: "x₁", yLabel: "x₂")
    }

    /// A 1-D `function` with the iterates of `run` on it, start, end and minimum marked; the
    /// view widens to show every finite iterate of a divergent run.
    public static func steps(_ function: TestFunction, run: TraceResult, title: String?) throws -> StepsChart {
        try StepsChart(title: title, function: { function.value([$0]) }, view: function.xRange,
                       steps: run.points.map { $0[0] }, minimum: function.minima.first?[0])
    }

    /// The page size for a contour chart of `function`: 720 wide, tall enough for the window's
    /// shape within 480…720 pixels.
    public static func contourFigureSize(_ function: TestFunction) -> (width: Double, height: Double) {
        guard let y = function.yRange else { return (720, 480) }
        let ratio = (y.upperBound - y.lowerBound) / (function.xRange.upperBound - function.xRange.lowerBound)
        return (720, min(max(560 * ratio + 130, 480), 720))
    }
}
