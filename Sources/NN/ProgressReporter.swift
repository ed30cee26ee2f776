import Dispatch
import Foundation

/// Shows a training run's progress on standard error: a bar redrawn in place (steps, loss,
/// steps/s, ETA) when standard error is a terminal, plain lines at every tenth of the run when
/// it is not (a log file, CI), or nothing.
public final class ProgressReporter {
    public enum Style: Sendable {
        /// One line redrawn with a carriage return, at most ten times a second.
        case bar
        /// A line at every tenth of the run and at the end.
        case lines
        case silent

        /// `.bar` when standard error is a terminal, else `.lines`.
        public static var automatic: Style { isatty(STDERR_FILENO) != 0 ? .bar : .lines }
    }

    public let style: Style
    private let label: String
    private let totalSteps: Int
    private let firstStep: Int
    private let output: (String) -> Void
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var barShown = false

    /// A reporter for a run of `totalSteps` steps that starts after `startStep` (non-zero when
    /// resuming). `output` receives every piece of text (standard error by default).
    public init(label: String, totalSteps: Int, startStep: Int = 0, style: Style = .automatic,
                output: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.label = label
        self.totalSteps = totalSteps
        self.firstStep = startStep
        self.style = style
        self.output = output
    }

    /// Seconds since the reporter was made.
    public var elapsedSeconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// Steps per second in this process so far.
    public func stepsPerSecond(at step: Int) -> Double {
        let t = elapsedSeconds
        return t > 0 ? Double(step - firstStep) / t : 0
    }

    /// Reports a finished step.
    public func update(_ step: TrainingStep) {
        switch style {
        case .silent: return
        case .lines:
            let every = Swift.max(1, totalSteps / 10)
            guard step.step % every == 0 || step.step == totalSteps else { return }
            output(status(step) + "\n")
        case .bar:
            let now = DispatchTime.now().uptimeNanoseconds
            guard now - lastDraw > 100_000_000 || step.step == totalSteps else { return }
            lastDraw = now
            output("\r\u{1B}[K" + bar(step.step) + " " + status(step))
            barShown = true
        }
    }

    /// Prints a line of its own (an evaluation, a warning) without garbling the bar.
    public func note(_ text: String) {
        guard style != .silent else { return }
        output((barShown ? "\r\u{1B}[K" : "") + text + "\n")
        barShown = false
    }

    /// Ends the bar's line.
    public func finish() {
        if barShown { output("\n") }
        barShown = false
    }

    private func status(_ step: TrainingStep) -> String {
        let rate = stepsPerSecond(at: step.step)
        let eta = rate > 0 ? Double(totalSteps - step.step) / rate : 0
        let percent = totalSteps > 0 ? 100 * step.step / totalSteps : 100
        return (label.isEmpty ? "" : label + " ") + "step \(step.step)/\(totalSteps) (\(percent)%) epoch \(step.epoch) loss \(step.loss) "
            + String(format: "%.0f", rate) + " steps/s ETA " + ProgressReporter.duration(eta)
    }

    private func bar(_ step: Int) -> String {
        let width = 24
        let filled = totalSteps > 0 ? Swift.min(width, width * step / totalSteps) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    /// `42s`, `3m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
    }
}
