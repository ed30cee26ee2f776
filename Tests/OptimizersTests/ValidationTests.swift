import Optimizers
import Testing

@Suite("Hyper-parameter validation and spec strings")
struct ValidationTests {
    /// (spec, the argument the error must name)
    static let invalid: [(String, String)] = [
        ("sgd(lr=-0.1)", "lr"), ("sgd(momentum=-0.5)", "momentum"), ("sgd(weight_decay=-1)", "weight_decay"),
        ("sgd(nesterov=true)", "nesterov"), ("sgd(momentum=0.9, dampening=0.1, nesterov=true)", "nesterov"),
        ("adagrad(lr_decay=-1)", "lr_decay"), ("adagrad(initial_accumulator_value=-1)", "initial_accumulator_value"),
        ("adagrad(eps=-1e-10)", "eps"), ("rmsprop(alpha=-0.1)", "alpha"), ("rmsprop(momentum=-1)", "momentum"),
        ("adadelta(rho=1.5)", "rho"), ("adadelta(rho=-0.1)", "rho"), ("adam(eps=-1)", "eps"),
        ("adam(betas=(1.0, 0.999))", "betas[0]"), ("adam(betas=(0.9, -0.1))", "betas[1]"),
        ("adamw(weight_decay=-0.1)", "weight_decay"), ("adamax(betas=(0.9, 1.0))", "betas[1]"),
        ("nadam(momentum_decay=-1)", "momentum_decay"), ("radam(lr=-1)", "lr"), ("lion(betas=(1.2, 0.99))", "betas[0]"),
        ("adam(betas=0.9)", "betas"), ("adam(amsgrad=1)", "amsgrad"), ("sgd(lr=true)", "lr"),
    ]

    @Test("invalid hyper-parameters are rejected, naming the argument and value", arguments: invalid)
    func rejects(_ spec: String, _ name: String) {
        do {
            _ = try OptimizerConfig(parsing: spec)
            Issue.record("accepted \(spec)")
        } catch let e as OptimizerError {
            guard case let .invalidHyperparameter(n, _, allowed) = e else { Issue.record("\(e)"); return }
            #expect(n == name)
            #expect(!allowed.isEmpty)
            #expect("\(e)".contains(name))
        } catch { Issue.record("\(error)") }
    }

    @Test("unknown optimizer and argument names are rejected with the allowed ones")
    func unknownNames() {
        #expect(throws: OptimizerError.unknownOptimizer(name: "adamz")) { try OptimizerConfig(parsing: "adamz(lr=0.1)") }
        do { _ = try OptimizerConfig(parsing: "sgd(betas=(0.9, 0.99))") } catch let e as OptimizerError {
            #expect("\(e)".contains("sgd has no argument 'betas'"))
            #expect("\(e)".contains("nesterov"))
        } catch { Issue.record("\(error)") }
    }

    @Test("malformed spec strings say where", arguments: ["adam(lr=0.1", "adam(lr)", "adam(lr=abc)", "adam(=1)",
                                                           "adam(lr=0.1) x", "(lr=1)", "adam(lr=0.1, lr=0.2)", "adam(betas=(0.9, 0.99)"])
    func malformed(_ spec: String) {
        #expect(throws: OptimizerError.self) { try OptimizerConfig(parsing: spec) }
    }

    @Test("spec strings set every argument; aliases expand")
    func parses() throws {
        let a = try OptimizerConfig(parsing: "adam(betas=(0.8, 0.99), amsgrad=true, lr=3e-4)")
        #expect(a.kind == .adam && a.hyperparameters.beta1 == 0.8 && a.hyperparameters.beta2 == 0.99)
        #expect(a.hyperparameters.amsgrad && a.hyperparameters.learningRate == 3e-4)
        #expect(a.description == "adam(lr=0.0003, betas=(0.8, 0.99), amsgrad=true)")
        let s = try OptimizerConfig(parsing: " sgd( lr = 0.1 , momentum=0.9, nesterov=True ) ")
        #expect(s.hyperparameters.nesterov && s.hyperparameters.momentum == 0.9 && s.hyperparameters.learningRate == 0.1)
        let m = try OptimizerConfig(parsing: "momentum")
        #expect(m.kind == .sgd && m.hyperparameters.momentum == 0.9 && !m.hyperparameters.nesterov)
        let n = try OptimizerConfig(parsing: "nesterov(lr=0.01)")
        #expect(n.hyperparameters.nesterov && n.hyperparameters.learningRate == 0.01)
        let w = try OptimizerConfig(parsing: "adamw")
        #expect(w.hyperparameters.decoupledWeightDecay && w.hyperparameters.weightDecay == 0.01)
        #expect(try OptimizerConfig(parsing: w.description) == OptimizerConfig(kind: .adamw))
    }

    @Test("defaults are torch's", arguments: OptimizerKind.allCases)
    func defaults(_ kind: OptimizerKind) throws {
        let h = Hyperparameters.defaults(for: kind)
        let lr: [OptimizerKind: Double] = [.sgd: 1e-3, .adagrad: 1e-2, .rmsprop: 1e-2, .adadelta: 1, .adam: 1e-3,
                                           .adamw: 1e-3, .adamax: 2e-3, .nadam: 2e-3, .radam: 1e-3, .lion: 1e-4]
        #expect(h.learningRate == lr[kind])
        try h.validate(for: kind)
        #expect(try OptimizerConfig(parsing: kind.rawValue).hyperparameters == h)
    }
}
