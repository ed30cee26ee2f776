import Optimizers
import TensorCore

extension MLPBenchmark {
    /// One optimizer's figures over every round, and the JSON record `descent bench mlp` prints.
    public struct Record: Sendable {
        /// One fresh training of `iterations` steps.
        public struct Round: Sendable {
            /// Wall time of all the steps, the first included.
            public var seconds: Double
            /// Steps completed (fewer than asked after a divergence).
            public var steps: Int
            /// The batch loss of every step.
            public var losses: [Float]
            public var divergedAt: Int?
            /// The test-set accuracy after training, when measured.
            public var testAccuracy: Double?
            /// Allocations from the end of the first step to the end of the last, when counted.
            public var allocationsAfterFirstStep: Int?
            /// Parts handed to the helper thread (`HelperThread.posted`), and how many of them it
            /// computed (`HelperThread.completed`; the caller took the others back). Counted
            /// process-wide: other threads' parts would be included.
            public var handOffs: Int
            public var helperParts: Int

            public var stepsPerSecond: Double { seconds > 0 ? Double(steps) / seconds : 0 }
        }

        public var optimizer: String
        /// The optimizer spec trained, e.g. `adam(lr=0.001)`.
        public var spec: String
        public var iterations: Int
        public var threads: Int
        public var rounds: [Round] = []
        /// The OpenBLAS kernel family the products ran on.
        public var blasCore = BLASConfiguration.coreName

        public init(optimizer: String, spec: String, iterations: Int, threads: Int) {
            self.optimizer = optimizer
            self.spec = spec
            self.iterations = iterations
            self.threads = threads
        }

        mutating func add(_ round: Round) { rounds.append(round) }

        /// The median of the rounds' steps per second.
        public var stepsPerSecond: Double { Stopwatch.median(of: rounds.map(\.stepsPerSecond)) }
        /// The fastest round's steps per second.
        public var bestStepsPerSecond: Double { rounds.map(\.stepsPerSecond).max() ?? 0 }

        /// The mean batch loss of the last `finalLossWindow` steps of the first round
        /// (torch_mlp.py's `last100_loss`): a smoothed end point of the training curve.
        public var finalLoss: Float {
            guard let losses = rounds.first?.losses, !losses.isEmpty else { return .nan }
            let tail = losses.suffix(MLPBenchmark.finalLossWindow)
            return Float(tail.reduce(0.0) { $0 + Double($1) } / Double(tail.count))
        }

        /// The batch loss of the last step of the first round.
        public var lastLoss: Float? { rounds.first?.losses.last }

        /// Whether every round computed exactly the same losses (same seed, same numbers).
        public var roundsAgree: Bool {
            guard let first = rounds.first?.losses else { return true }
            return rounds.allSatisfy { $0.losses.map(\.bitPattern) == first.map(\.bitPattern) }
        }

        /// The most allocations per step after the first, over the rounds (nil when not counted).
        public var allocationsPerStep: Double? {
            let counted = rounds.compactMap { r in r.allocationsAfterFirstStep.map { Double($0) / Double(Swift.max(r.steps - 1, 1)) } }
            return counted.max()
        }

        /// The JSON record: `optimizer`, `iterations`, `steps_per_second` (median over rounds) and
        /// `final_loss` first, then the details.
        public var json: JSONValue {
            var members: [(String, JSONValue)] = [
                ("optimizer", .string(optimizer)), ("iterations", .int(iterations)),
                ("steps_per_second", .number(roundedForReport(stepsPerSecond, 1))), ("final_loss", .number(roundedForReport(Double(finalLoss), 4))),
                ("spec", .string(spec)), ("threads", .int(threads)), ("rounds", .int(rounds.count)),
                ("best_steps_per_second", .number(roundedForReport(bestStepsPerSecond, 1))),
                ("last_loss", lastLoss.map { .number(Double($0)) } ?? .null),
                ("test_accuracy", rounds.first?.testAccuracy.map { .number(roundedForReport($0, 4)) } ?? .null),
                ("rounds_agree", .bool(roundsAgree)), ("blas_core", .string(blasCore)),
                ("handoffs_per_step", .number(roundedForReport(perStep(\.handOffs), 2))),
                ("helper_parts_per_step", .number(roundedForReport(perStep(\.helperParts), 2))),
            ]
            if let a = allocationsPerStep { members.append(("allocations_per_step", .number(roundedForReport(a, 3)))) }
            if let d = rounds.first(where: { $0.divergedAt != nil })?.divergedAt { members.append(("diverged_at", .int(d))) }
            return .object(members)
        }

        /// A count per step over all the rounds (e.g. `\.handOffs`).
        public func perStep(_ count: KeyPath<Round, Int>) -> Double {
            let steps = rounds.reduce(0) { $0 + $1.steps }
            return steps == 0 ? 0 : Double(rounds.reduce(0) { $0 + $1[keyPath: count] }) / Double(steps)
        }
    }
}

/// `x` rounded to `digits` decimals (for readable JSON; the figures are not that precise).
func roundedForReport(_ x: Double, _ digits: Int) -> Double {
    guard x.isFinite else { return x }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return (x * scale).rounded() / scale
}
