import Optimizers
import Plot

/// d2l §7.4's "effective sample weight": momentum with parameter β sums past gradients with
/// weights βⁱ (vₜ = Σᵢ βⁱ gₜ₋ᵢ), so about 1/(1−β) of them count (Σᵢ βⁱ = 1/(1−β)).
/// Drawn for β = 0.95, 0.9, 0.6, 0 over 40 steps, as in the book.
public struct AveragingWeights: LabSection {
    /// The book's four momentum parameters.
    public static let betas = [0.95, 0.9, 0.6, 0]
    /// Steps back in time drawn (d2l's `arange(40)`).
    public static let length = 40

    public init() {}

    /// βⁱ for i = 0 … length−1 (with 0⁰ = 1: β = 0 keeps only the current gradient).
    public static func weights(beta: Double, length: Int = length) -> [Double] {
        var weights: [Double] = []
        var w = 1.0
        for _ in 0..<length {
            weights.append(w)
            w *= beta
        }
        return weights
    }

    public func run(_ context: LabContext) throws -> LabReport {
        let time = (0..<Self.length).map(Double.init)
        var chart = LineChart(title: "Weights βⁱ of past gradients in momentum",
                              x: Axis("time", domain: 0...Double(Self.length - 1)), y: Axis("weight βⁱ"))
        var series: [JSONValue] = []
        var rows: [[String]] = []
        for beta in Self.betas {
            let weights = Self.weights(beta: beta)
            let label = "beta = " + LabFormat.fixed(beta, decimals: 2)
            chart.add(try LineSeries(label: label, x: time, y: weights))
            let total = weights.reduce(0, +)
            series.append(.object([
                ("beta", .number(beta)),
                ("weights", .array(weights.map(JSONValue.number))),
                ("sum", .number(total)),
                ("effective_steps", .number(1 / (1 - beta))),
            ]))
            rows.append([LabFormat.fixed(beta, decimals: 2), LabFormat.fixed(total, decimals: 3),
                         LabFormat.fixed(1 / (1 - beta), decimals: 1)])
        }
        return LabReport(
            figures: [LabFigure(name: "momentum-weights",
                                caption: "How fast the weight βⁱ of a gradient i steps old fades: "
                                    + "β = 0.95 still counts gradients 40 steps back, β = 0 only the current one.",
                                figure: Figure(chart, width: 640, height: 400))],
            tables: [LabTable(title: "Averaging weights over \(Self.length) steps",
                              columns: ["β", "Σ βⁱ (i < \(Self.length))", "1/(1−β)"], rows: rows)],
            numbers: [("averaging_weights", .object([
                ("time", .array(time.map(JSONValue.number))),
                ("series", .array(series)),
            ]))])
    }
}
