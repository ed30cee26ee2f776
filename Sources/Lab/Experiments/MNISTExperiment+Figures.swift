import NN
import Plot

extension MNISTExperiment {
    /// The loss curves (the book's smoothed view next to the raw losses on a log axis) and the
    /// test accuracies.
    static func figures(_ comparison: Comparison, names: [String], iterations: Int) throws -> [LabFigure] {
        let grid = try PanelGrid(panels: [try bookChart(comparison, names: names, iterations: iterations),
                                          try rawChart(comparison, names: names, iterations: iterations)],
                                 columns: 2,
                                 title: "\(comparison.dataset), \(comparison.base.model), batch \(batchSize): training loss")
        return [
            LabFigure(name: "mnist-loss",
                      caption: "Left, as in the book: smooth_curve of each optimizer's batch loss, loss axis 0 to 1. "
                        + "Right: the raw batch losses (light) under the smoothed curves on a log axis.",
                      figure: Figure(grid: grid, panelWidth: 560, panelHeight: 420)),
            LabFigure(name: "mnist-accuracy",
                      caption: "Accuracy on the \(comparison.dataset) test set after \(iterations) iterations.",
                      figure: Figure(accuracyChart(comparison, names: names, iterations: iterations), width: 560, height: 380)),
        ]
    }

    /// The x value of each loss: its iteration, counting from 0 as the book does.
    static func iterationAxis(_ count: Int) -> [Double] { (0..<count).map(Double.init) }

    /// `smooth_curve` of the losses, y from 0 to 1 (the book's `plt.ylim(0, 1)`).
    static func bookChart(_ comparison: Comparison, names: [String], iterations: Int) throws -> LineChart {
        var chart = LineChart(title: "smooth_curve, as in the book",
                              x: Axis("iterations", domain: 0...Double(max(iterations - 1, 1))),
                              y: Axis("loss", domain: 0...1), legendPlacement: .outsideBottom)
        for (index, (name, entry)) in zip(names, comparison.entries).enumerated() {
            let losses = entry.losses.map(Double.init)
            chart.add(try LineSeries(label: name, x: iterationAxis(losses.count), y: Smoothing.smoothCurve(losses),
                                     colorIndex: index))
        }
        return chart
    }

    /// The raw batch losses light under their smoothed curves, on a log loss axis (finite,
    /// positive losses only) from the smallest loss to 1.5 × the largest starting loss: a loss
    /// above where the runs started (RMSprop's first, too large steps) leaves the top.
    static func rawChart(_ comparison: Comparison, names: [String], iterations: Int) throws -> LineChart {
        let positive = comparison.entries.flatMap(\.losses).filter { $0.isFinite && $0 > 0 }.map(Double.init)
        let start = comparison.entries.compactMap(\.losses.first).filter(\.isFinite).map(Double.init).max()
        var domain: ClosedRange<Double>?
        if let low = positive.min(), let start, low < start { domain = low...(1.5 * start) }
        var chart = LineChart(title: "raw batch loss and smoothed, log scale",
                              x: Axis("iterations", domain: 0...Double(max(iterations - 1, 1))),
                              y: Axis("loss", scale: .log10, domain: domain), legendPlacement: .outsideBottom,
                              rawLegendLabel: "raw batch loss")
        for (index, (name, entry)) in zip(names, comparison.entries).enumerated() {
            let shown = entry.losses.enumerated().filter { $0.element.isFinite && $0.element > 0 }
            try chart.addSmoothed(label: name, x: shown.map { Double($0.offset) }, y: shown.map { Double($0.element) },
                                  colorIndex: index)
        }
        return chart
    }

    /// One bar per optimizer: its test accuracy (a run that diverged has none and shows 0).
    static func accuracyChart(_ comparison: Comparison, names: [String], iterations: Int) -> BarChart {
        let bars = zip(names, comparison.entries).enumerated().map { index, item in
            Bar(item.0, testAccuracy(item.1) ?? 0, colorIndex: index)
        }
        return BarChart(title: "\(comparison.dataset) test accuracy after \(iterations) iterations",
                        y: Axis("test accuracy", domain: 0...1),
                        categoryLabel: "optimizer", bars: bars, valueStyle: .percent(decimals: 1))
    }
}
