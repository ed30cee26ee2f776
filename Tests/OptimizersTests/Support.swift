import Optimizers

/// A small deterministic problem: f(p) = Σ c_i (p_i - t_i)² / 2 + 0.1 Σ sin(p_i), whose gradient
/// varies in sign and size so every optimizer's state is exercised.
struct Problem {
    static func gradient<T: OptimizerScalar>(_ p: [T]) -> [T] {
        p.indices.map { i in
            let c = T(1 + i % 5), t = T(i % 3) - 1
            let x = Double(p[i])
            return c * (p[i] - t) + T(0.1 * _cos(x))
        }
    }

    static func start<T: OptimizerScalar>(_ n: Int) -> [T] { (0..<n).map { T(Double($0 % 7) * 0.37 - 1.1) } }
}

@inline(__always) func _cos(_ x: Double) -> Double {
    // A cosine good enough for a test problem without importing Foundation: Taylor in [-pi, pi].
    var y = x.truncatingRemainder(dividingBy: 2 * Double.pi)
    if y > Double.pi { y -= 2 * Double.pi } else if y < -Double.pi { y += 2 * Double.pi }
    var term = 1.0, sum = 1.0
    for k in 1...12 { term *= -y * y / Double((2 * k - 1) * (2 * k)); sum += term }
    return sum
}

/// Every optimizer with arguments that switch on its optional paths.
let allConfigs: [String] = [
    "sgd(lr=0.05)", "sgd(lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01)",
    "nesterov(lr=0.05)", "sgd(lr=0.05, momentum=0.5, maximize=true)",
    "adagrad(lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1, weight_decay=0.01)",
    "rmsprop(lr=0.01)", "rmsprop(lr=0.01, centered=true, momentum=0.9, weight_decay=0.01)",
    "adadelta", "adadelta(lr=0.5, rho=0.8, weight_decay=0.01)",
    "adam(lr=0.01)", "adam(lr=0.01, amsgrad=true, weight_decay=0.01)", "adamw(lr=0.01)",
    "adam(lr=0.01, decoupled_weight_decay=true, weight_decay=0.1, amsgrad=true)",
    "adamax(lr=0.01, weight_decay=0.01)", "nadam(lr=0.01)", "nadam(lr=0.01, decoupled_weight_decay=true, weight_decay=0.1)",
    "radam(lr=0.01)", "radam(lr=0.01, decoupled_weight_decay=true, weight_decay=0.1)",
    "lion(lr=0.001, weight_decay=0.1)", "lion(lr=0.001, betas=(0.95, 0.98), maximize=true)",
]

/// Runs `steps` steps of `opt` on `param` with the problem's gradient.
func run<T: OptimizerScalar>(_ opt: Optimizer<T>, _ param: FlatParameter<T>, steps: Int) throws {
    for _ in 0..<steps {
        param.setGradient(Problem.gradient(param.values))
        try opt.step()
    }
}
