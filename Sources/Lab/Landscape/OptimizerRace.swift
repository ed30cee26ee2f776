import Landscapes
import Optimizers
import Plot

/// Several optimizers on one test function from one start, for the same number of steps:
/// `descent race`. Holds the runs; draws them in one figure (contour lines and one path per
/// optimizer, or one steps panel per optimizer for a 1-D function); summarises them as JSON.
public struct OptimizerRace: Sendable {
    public var function: TestFunction
    public var runs: [TraceResult]

    /// Runs every optimizer (through `runTrace`) with the same start, schedule and steps.
    ///
    /// - Throws: `TraceError` for a bad start or step count, `OptimizerError` for a bad schedule.
    public init(function: TestFunction, start: [Double]? = nil, optimizers: [OptimizerConfig],
                schedule: ScheduleConfig? = nil, steps: Int) throws {
        self.function = function
        runs = try optimizers.map { config in
            try runTrace(TraceSpec(function: function, start: start, optimizer: config, schedule: schedule, steps: steps))
        }
    }

    /// The figure's title: the function, its formula and the step count.
    public var title: String {
        "\(function.name): \(function.formula), \(runs.first?.spec.steps ?? 0) steps"
    }

    /// The race as a figure ready to write.
    public func figure() throws -> Figure {
        if function.dimension == 1 {
            let panels = try runs.map { run in
                try LandscapePlot.steps(function, run: run, title: LandscapePlot.pathLabel(run))
            }
            return Figure(grid: try PanelGrid(panels: panels, columns: min(panels.count, 2), title: title))
        }
        let chart = try LandscapePlot.contour(function, runs: runs, title: title)
        let size = LandscapePlot.contourFigureSize(function)
        return Figure(chart, width: size.width, height: size.height)
    }

    /// The function, steps, start (and schedule), then per optimizer its `summaryJSON`:
    /// canonical spec, legend label, final point and value, steps taken, divergence or null.
    public var summary: JSONValue {
        var members: [(String, JSONValue)] = [
            ("function", .string(function.name)),
            ("steps", .int(runs.first?.spec.steps ?? 0)),
            ("start", LabFormat.json(runs.first?.spec.start ?? function.defaultStart)),
        ]
        if let schedule = runs.first?.spec.schedule { members.append(("schedule", .string(schedule.description))) }
        members.append(("optimizers", .array(runs.map(\.summaryJSON))))
        return .object(members)
    }
}
