/// Binds a schedule to an optimizer, as a torch lr_scheduler: made at step 0 it sets each group's
/// lr (and momentum or beta1 for cycling schedules); `step()` moves to the next epoch.
public final class LRScheduler<Scalar: OptimizerScalar> {
    public let optimizer: Optimizer<Scalar>
    public let schedule: any LearningRateSchedule
    /// Scheduler steps taken (torch's `last_epoch`); the only state a resume needs.
    public private(set) var epoch: Int

    public init(_ schedule: any LearningRateSchedule, optimizer: Optimizer<Scalar>, epoch: Int = 0) throws {
        if schedule.momentum(epoch: 0) != nil, [.adagrad, .adadelta].contains(optimizer.kind) {
            throw OptimizerError.invalidHyperparameter(
                name: "cycle_momentum", value: "true",
                allowed: "false for \(optimizer.kind.rawValue), which has neither momentum nor betas")
        }
        self.schedule = schedule
        self.optimizer = optimizer
        self.epoch = epoch
        apply()
    }

    /// Advances one epoch and sets the groups' lr for it.
    public func step() {
        epoch += 1
        apply()
    }

    /// The lr of group 0 at the current epoch.
    public var learningRate: Double { optimizer.groups.first?.learningRate ?? 0 }

    private func apply() {
        let momentum = schedule.momentum(epoch: epoch)
        for i in optimizer.groups.indices {
            let base = optimizer.groups[i].initialLearningRate
            optimizer.groups[i].learningRate = schedule.learningRate(base: base, epoch: epoch)
            if let m = momentum {
                switch optimizer.kind {
                case .sgd, .rmsprop: optimizer.groups[i].hyperparameters.momentum = m
                default: optimizer.groups[i].hyperparameters.beta1 = m
                }
            }
        }
    }
}
