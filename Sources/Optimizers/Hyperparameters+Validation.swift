extension Hyperparameters {
    /// Checks every argument `kind` reads, as torch does when an optimizer is made: each error
    /// names the argument, the value given and the allowed range.
    public func validate(for kind: OptimizerKind) throws {
        func require(_ ok: Bool, _ name: String, _ value: Any, _ allowed: String) throws {
            if !ok { throw OptimizerError.invalidHyperparameter(name: name, value: "\(value)", allowed: allowed) }
        }
        func nonNegative(_ v: Double, _ name: String) throws {
            try require(v >= 0 && v.isFinite, name, v, "a finite number >= 0")
        }
        func beta(_ v: Double, _ index: Int) throws {
            try require(v >= 0 && v < 1, "betas[\(index)]", v, "0 <= beta < 1")
        }
        try nonNegative(learningRate, "lr")
        let args = Set(kind.argumentNames)
        if args.contains("weight_decay") { try nonNegative(weightDecay, "weight_decay") }
        if args.contains("eps") { try nonNegative(eps, "eps") }
        if args.contains("betas") { try beta(beta1, 0); try beta(beta2, 1) }
        switch kind {
        case .sgd:
            try nonNegative(momentum, "momentum")
            try require(dampening.isFinite, "dampening", dampening, "a finite number")
            if nesterov {
                try require(momentum > 0, "nesterov", "true with momentum=\(momentum)", "nesterov needs momentum > 0")
                try require(dampening == 0, "nesterov", "true with dampening=\(dampening)", "nesterov needs dampening = 0")
            }
        case .adagrad:
            try nonNegative(lrDecay, "lr_decay")
            try nonNegative(initialAccumulatorValue, "initial_accumulator_value")
        case .rmsprop:
            try nonNegative(momentum, "momentum")
            try nonNegative(alpha, "alpha")
        case .adadelta:
            try require(rho >= 0 && rho <= 1, "rho", rho, "0 <= rho <= 1")
        case .nadam:
            try nonNegative(momentumDecay, "momentum_decay")
        case .adam, .adamw, .adamax, .radam, .lion:
            break
        }
    }
}
