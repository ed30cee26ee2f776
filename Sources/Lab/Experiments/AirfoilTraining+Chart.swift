import Plot

extension AirfoilTraining {
    /// d2l's view of the loss curves: the whole-set loss against the epoch, with the loss axis
    /// from 0.22 to 0.35 as `train_ch11` sets it, so that the differences between optimizers near
    /// the end show; the start (about 0.5) and runs that stay higher leave the top.
    public static let bookLossRange = 0.22...0.35

    /// The runs' losses against the epoch, each labelled with its final loss; colours start at
    /// `colorOffset` so that panels of one figure can use different ones. The y axis spans
    /// `yDomain`, or the book's range widened to hold every final loss. Panels of a grid put
    /// their legends below (`.outsideBottom`) so that their plot areas line up.
    public static func chart(_ runs: [Run], title: String, colorOffset: Int = 0,
                             yDomain: ClosedRange<Double>? = nil,
                             legend: LegendPlacement = .automatic) throws -> LineChart {
        var chart = LineChart(title: title, x: Axis("epoch", domain: 0...Double(epochs)),
                              y: Axis("loss", domain: yDomain ?? lossDomain(runs)),
                              legendPlacement: legend)
        for (index, run) in runs.enumerated() {
            var label = run.label + ": " + LabFormat.fixed(run.finalLoss, decimals: 3)
            if let step = run.divergedAt { label += " (diverged at step \(step))" }
            chart.add(try LineSeries(label: label, x: run.epochs, y: run.losses, colorIndex: colorOffset + index))
        }
        return chart
    }

    /// The book's range, its top raised to a little above the highest final loss when that is
    /// above it (a slow optimizer), never above the starting loss.
    public static func lossDomain(_ runs: [Run]) -> ClosedRange<Double> {
        let finals = runs.map(\.finalLoss).filter(\.isFinite)
        let starts = runs.compactMap(\.losses.first).filter(\.isFinite)
        var low = bookLossRange.lowerBound, high = bookLossRange.upperBound
        if let top = finals.max(), top * 1.05 > high { high = min(top * 1.05, starts.max() ?? top * 1.05) }
        if let bottom = finals.min(), bottom < low { low = bottom * 0.95 }
        return low...max(high, low * 1.1)
    }
}
