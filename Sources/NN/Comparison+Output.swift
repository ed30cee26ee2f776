import Foundation
import Optimizers

extension Comparison {
    /// The per-step batch losses: a header `step,LABEL,...` and one row per step; a run that
    /// diverged leaves its cells empty after its last step. Labels holding commas are quoted.
    public var csv: String {
        var out = "step," + entries.map { Comparison.csvField($0.label) }.joined(separator: ",") + "\n"
        let rows = entries.map(\.losses.count).max() ?? 0
        for i in 0..<rows {
            out += "\(i + 1)"
            for entry in entries { out += "," + (i < entry.losses.count ? "\(entry.losses[i])" : "") }
            out += "\n"
        }
        return out
    }

    /// The comparison as JSON: the shared settings, then one object per optimizer (its training
    /// summary and label, or where it diverged).
    public var json: JSONValue {
        let runs: [JSONValue] = entries.map { entry in
            var members: [(String, JSONValue)] = [("label", .string(entry.label))]
            if let summary = entry.summary, case let .object(fields) = summary.json {
                members += fields.filter { !["dataset", "model", "log", "checkpoint", "resumed_from"].contains($0.0) }
                members.append(("diverged", .null))
            } else {
                members += [("optimizer", .string(TrainingConfiguration.spec(of: entry.optimizer))), ("steps", .int(entry.losses.count))]
                if case let .diverged(step, _, reason, _)? = entry.divergence {
                    members.append(("diverged", .object([("step", .int(step)), ("reason", .string(reason))])))
                }
            }
            return .object(members)
        }
        return .object([
            ("dataset", .string(dataset)), ("model", .string(base.model)),
            ("batch_size", .string(TrainingConfiguration.describe(base.batchSize))),
            ("sampling", .string(base.sampling.rawValue)), ("seed", .int(Int(truncatingIfNeeded: base.seed))),
            ("schedule", base.schedule.map { .string($0) } ?? .null), ("length", .string(base.length.description)),
            ("runs", .array(runs)),
        ])
    }

    /// A text table, one row per optimizer: steps, final training loss, test loss and accuracy
    /// (when there is a test set), steps per second, or where the run diverged.
    public var table: String {
        let hasTest = entries.contains { $0.summary?.test != nil }
        let hasAccuracy = entries.contains { $0.summary?.test?.accuracy != nil }
        var header = ["optimizer", "steps", "train loss"]
        if hasTest { header.append("test loss") }
        if hasAccuracy { header.append("test acc") }
        header.append("steps/s")
        var rows = [header]
        for entry in entries {
            guard let s = entry.summary else {
                let step: String
                if case let .diverged(at, _, _, _)? = entry.divergence { step = "diverged at step \(at)" } else { step = "failed" }
                rows.append([entry.label, step])
                continue
            }
            var row = [entry.label, "\(s.steps)", Comparison.format(s.finalTrainLoss)]
            if hasTest { row.append(s.test.map { Comparison.format($0.loss) } ?? "-") }
            if hasAccuracy { row.append(s.test?.accuracy.map { String(format: "%.4f", $0) } ?? "-") }
            row.append(String(format: "%.0f", s.stepsPerSecond))
            rows.append(row)
        }
        let full = rows.filter { $0.count == header.count }
        let widths = header.indices.map { c in full.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func format(_ x: Float) -> String { x.isFinite ? String(format: "%.6g", Double(x)) : "\(x)" }

    /// A CSV field, quoted (with doubled quotes) when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
