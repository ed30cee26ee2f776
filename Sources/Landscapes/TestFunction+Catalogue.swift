#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TestFunction {
    /// Every test function, in the order of functions.md.
    public static let all: [TestFunction] = [d2lIll, ellipse, bowl1D, rosenbrock, beale, himmelblau, booth, saddle, rastrigin, ackley]

    /// d2l §7.4's ill-conditioned quadratic: 0.1x² + 2y².
    public static let d2lIll = TestFunction(
        name: "d2l-ill", formula: "0.1x² + 2y²", dimension: 2, defaultStart: [-5, -2],
        xRange: -5.5...1, yRange: -3...1, minima: [[0, 0]], logLevels: false,
        f: { 0.1 * $0[0] * $0[0] + 2 * $0[1] * $0[1] }, df: { [0.2 * $0[0], 4 * $0[1]] })

    /// "Deep learning from scratch" ch. 6: x²/20 + y².
    public static let ellipse = TestFunction(
        name: "ellipse", formula: "x²/20 + y²", dimension: 2, defaultStart: [-7, 2],
        xRange: -10...10, yRange: -5...5, minima: [[0, 0]], logLevels: false,
        f: { $0[0] * $0[0] / 20 + $0[1] * $0[1] }, df: { [$0[0] / 10, 2 * $0[1]] })

    /// The learning-rate visualiser's bowl: 0.5(θ-1)² + 0.5.
    public static let bowl1D = TestFunction(
        name: "bowl-1d", formula: "0.5(θ-1)² + 0.5", dimension: 1, defaultStart: [-1],
        xRange: -1...3, yRange: nil, minima: [[1]], logLevels: false,
        f: { 0.5 * ($0[0] - 1) * ($0[0] - 1) + 0.5 }, df: { [$0[0] - 1] })

    /// Rosenbrock's banana: (1-x)² + 100(y-x²)².
    public static let rosenbrock = TestFunction(
        name: "rosenbrock", formula: "(1-x)² + 100(y-x²)²", dimension: 2, defaultStart: [-2, 2],
        xRange: -2...2, yRange: -1...3, minima: [[1, 1]], logLevels: true,
        f: { let (x, y) = ($0[0], $0[1]); return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) },
        df: { let (x, y) = ($0[0], $0[1]); return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)] })

    /// Beale: (1.5-x+xy)² + (2.25-x+xy²)² + (2.625-x+xy³)².
    public static let beale = TestFunction(
        name: "beale", formula: "(1.5-x+xy)² + (2.25-x+xy²)² + (2.625-x+xy³)²", dimension: 2, defaultStart: [1, 1.5],
        xRange: -4.5...4.5, yRange: -4.5...4.5, minima: [[3, 0.5]], logLevels: true,
        f: { let (x, y) = ($0[0], $0[1])
            let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
            return a * a + b * b + c * c },
        df: { let (x, y) = ($0[0], $0[1])
            let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
            return [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                    2 * a * x + 2 * b * (2 * x * y) + 2 * c * (3 * x * y * y)] })

    /// Himmelblau: (x²+y-11)² + (x+y²-7)², four minima.
    public static let himmelblau = TestFunction(
        name: "himmelblau", formula: "(x²+y-11)² + (x+y²-7)²", dimension: 2, defaultStart: [0, 0],
        xRange: -5...5, yRange: -5...5,
        minima: [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]], logLevels: true,
        f: { let (x, y) = ($0[0], $0[1]); let a = x * x + y - 11, b = x + y * y - 7; return a * a + b * b },
        df: { let (x, y) = ($0[0], $0[1]); let a = x * x + y - 11, b = x + y * y - 7
            return [4 * x * a + 2 * b, 2 * a + 4 * y * b] })

    /// Booth: (x+2y-7)² + (2x+y-5)².
    public static let booth = TestFunction(
        name: "booth", formula: "(x+2y-7)² + (2x+y-5)²", dimension: 2, defaultStart: [-5, 5],
        xRange: -10...10, yRange: -10...10, minima: [[1, 3]], logLevels: false,
        f: { let (x, y) = ($0[0], $0[1]); let a = x + 2 * y - 7, b = 2 * x + y - 5; return a * a + b * b },
        df: { let (x, y) = ($0[0], $0[1]); let a = x + 2 * y - 7, b = 2 * x + y - 5; return [2 * a + 4 * b, 4 * a + 2 * b] })

    /// The saddle x² - y² (no minimum; a saddle point at the origin).
    public static let saddle = TestFunction(
        name: "saddle", formula: "x² - y²", dimension: 2, defaultStart: [1, 0.001],
        xRange: -1.5...1.5, yRange: -1.5...1.5, minima: [], logLevels: false,
        f: { $0[0] * $0[0] - $0[1] * $0[1] }, df: { [2 * $0[0], -2 * $0[1]] })

    /// Rastrigin in 2-D: 20 + Σ (xᵢ² - 10cos(2πxᵢ)).
    public static let rastrigin = TestFunction(
        name: "rastrigin", formula: "20 + Σ (xᵢ² - 10cos(2πxᵢ))", dimension: 2, defaultStart: [-2, 3.5],
        xRange: -4.5...4.5, yRange: -4.5...4.5, minima: [[0, 0]], logLevels: false,
        f: { x in 20 + x.reduce(0) { $0 + $1 * $1 - 10 * cos(2 * Double.pi * $1) } },
        df: { x in x.map { 2 * $0 + 20 * Double.pi * sin(2 * Double.pi * $0) } })

    /// Ackley in 2-D; its gradient at the origin is taken as 0.
    public static let ackley = TestFunction(
        name: "ackley", formula: "-20exp(-0.2√(0.5(x²+y²))) - exp(0.5(cos2πx + cos2πy)) + e + 20", dimension: 2,
        defaultStart: [2, -1.5], xRange: -4...4, yRange: -4...4, minima: [[0, 0]], logLevels: false,
        f: { let (x, y) = ($0[0], $0[1])
            let r = (0.5 * (x * x + y * y)).squareRoot()
            return -20 * exp(-0.2 * r) - exp(0.5 * (cos(2 * Double.pi * x) + cos(2 * Double.pi * y))) + M_E + 20 },
        df: { let (x, y) = ($0[0], $0[1])
            let r = (0.5 * (x * x + y * y)).squareRoot()
            let e2 = exp(0.5 * (cos(2 * Double.pi * x) + cos(2 * Double.pi * y)))
            let radial = r > 0 ? 2 * exp(-0.2 * r) / r : 0
            return [radial * x + Double.pi * sin(2 * Double.pi * x) * e2,
                    radial * y + Double.pi * sin(2 * Double.pi * y) * e2] })
}
