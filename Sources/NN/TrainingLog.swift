import Foundation
import Optimizers

/// The `--log FILE.jsonl` of a training run: one JSON object per logged step,
///
///     {"step": 100, "epoch": 0, "loss": 0.5123, "lr": 0.001}
///     {"step": 500, "epoch": 1, "loss": 0.4010, "lr": 0.001, "test_loss": 0.43, "test_accuracy": 0.84}
///
/// `loss` is the step's batch loss; steps at which the test set was evaluated carry its loss
/// and accuracy. A resumed run keeps the lines up to its checkpoint's step and drops later ones
/// (written after the checkpoint by the interrupted run), so the finished log reads exactly as
/// an uninterrupted run's. Lines are buffered and flushed at checkpoints and at the end.
public final class TrainingLog {
    public let path: String
    private let handle: FileHandle
    private var pending = ""

    /// Opens `path` for a run starting at step 0 (the file is replaced), or continuing after
    /// `resumingAfter` steps (lines of later steps are dropped, the rest kept).
    public init(path: String, resumingAfter step: Int? = nil) throws {
        self.path = path
        var kept = ""
        if let step, let data = FileManager.default.contents(atPath: path) {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                if let s = TrainingLog.step(of: line), s <= step { kept += line + "\n" }
            }
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(kept.utf8)),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw TrainingError.invalidSetting(name: "--log", value: path, allowed: "a file that can be created and written")
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    deinit {
        flush()
        try? handle.close()
    }

    /// Adds the line of one step, with the test-set evaluation when there was one.
    public func record(_ step: TrainingStep, test: Evaluation? = nil) {
        var members: [(String, JSONValue)] = [
            ("step", .int(step.step)), ("epoch", .int(step.epoch)),
            ("loss", TrainingLog.number(step.loss)), ("lr", .number(step.learningRate)),
        ]
        if let test {
            members.append(("test_loss", TrainingLog.number(test.loss)))
            if let accuracy = test.accuracy { members.append(("test_accuracy", .number(accuracy))) }
        }
        JSONValue.object(members).write(to: &pending)
        pending += "\n"
        if pending.utf8.count > 1 << 16 { flush() }
    }

    /// Writes the buffered lines to the file.
    public func flush() {
        guard !pending.isEmpty else { return }
        handle.write(Data(pending.utf8))
        pending.removeAll(keepingCapacity: true)
    }

    /// A float as its shortest decimal text (`0.1f` prints as 0.1, not 0.10000000149011612);
    /// NaN and infinities become null.
    public static func number(_ x: Float) -> JSONValue {
        x.isFinite ? .number(Double("\(x)") ?? Double(x)) : .null
    }

    /// The `"step"` of a log line, or nil when it has none.
    static func step(of line: Substring) -> Int? {
        guard let range = line.range(of: "\"step\": ") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }
}
