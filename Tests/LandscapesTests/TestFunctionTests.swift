import Landscapes
import Testing

@Suite("Test functions")
struct TestFunctionTests {
    static let names = TestFunction.all.map(\.name)

    @Test("the analytic gradient agrees with central finite differences", arguments: names)
    func gradient(_ name: String) throws {
        let fn = try TestFunction.named(name)
        var points = [fn.defaultStart] + fn.minima.map { $0.map { $0 + 0.13 } }
        let x = fn.xRange, y = fn.yRange ?? 0...0
        for i in 0..<5 {
            let t = Double(i) / 4 * 0.8 + 0.1
            points.append(fn.dimension == 1 ? [x.lowerBound + t * (x.upperBound - x.lowerBound)]
                                            : [x.lowerBound + t * (x.upperBound - x.lowerBound), y.upperBound - t * (y.upperBound - y.lowerBound)])
        }
        for p in points {
            let g = fn.gradient(p)
            #expect(g.count == fn.dimension)
            for k in 0..<fn.dimension {
                let h = 1e-6 * max(1, abs(p[k]))
                var hi = p, lo = p
                hi[k] += h; lo[k] -= h
                let numeric = (fn.value(hi) - fn.value(lo)) / (2 * h)
                #expect(abs(numeric - g[k]) <= 1e-5 * max(1, abs(g[k])), "\(name) at \(p): d/dx\(k + 1) \(g[k]) vs \(numeric)")
            }
        }
    }

    @Test("the minima are minima: f is lowest there and the gradient vanishes", arguments: names)
    func minima(_ name: String) throws {
        let fn = try TestFunction.named(name)
        for m in fn.minima {
            let g = fn.gradient(m)
            #expect(g.allSatisfy { abs($0) < 1e-4 }, "\(name) gradient \(g) at \(m)")
            for dx in [-0.01, 0.01] {
                var q = m; q[0] += dx
                #expect(fn.value(q) > fn.value(m))
            }
        }
        #expect(fn.defaultStart.count == fn.dimension)
    }

    @Test("ackley's gradient at the origin is taken as zero")
    func ackleyOrigin() { #expect(TestFunction.ackley.gradient([0, 0]) == [0, 0]) }

    @Test("an unknown function is an error listing the known ones")
    func unknown() {
        #expect(throws: TraceError.self) { try TestFunction.named("sphere") }
        do { _ = try TestFunction.named("sphere") } catch { #expect("\(error)".contains("rosenbrock")) }
    }
}
