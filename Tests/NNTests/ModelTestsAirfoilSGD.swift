import Foundation
import Testing
import NN
import TensorCore

/// d2l's airfoil linear regression (ch. 7/11) with plain SGD written by hand on the parameter
/// pointers, against torch's float64 numbers in Fixtures/torch-airfoil-linreg.json: checks the
/// model, the halved squared loss and its gradients end to end, independently of any optimizer.
@Suite struct ModelTestsAirfoilSGD {
    /// The 1503 rows of the UCI file, every column standardised with the population std.
    static func standardisedAirfoil() throws -> [[Double]] {
        let url = try #require(Bundle.module.url(forResource: "airfoil_self_noise", withExtension: "dat", subdirectory: "Fixtures"))
        let rows = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.split(separator: "\t").map { Double($0)! } }
        let columns = rows[0].count, n = Double(rows.count)
        let means = (0..<columns).map { c in rows.reduce(0) { $0 + $1[c] } / n }
        let stds = (0..<columns).map { c in (rows.reduce(0) { $0 + ($1[c] - means[c]) * ($1[c] - means[c]) } / n).squareRoot() }
        return rows.map { row in (0..<columns).map { (row[$0] - means[$0]) / stds[$0] } }
    }

    @Test func sgdByHandFollowsTorchsLossCurve() throws {
        let data = try Self.standardisedAirfoil().prefix(1500)
        #expect(data.count == 1500)
        let x = Tensor(data.flatMap { $0.dropLast().map(Float.init) }, shape: [1500, 5])
        let y = Tensor(data.map { Float($0.last!) }, shape: [1500])
        let fixtureURL = try #require(Bundle.module.url(forResource: "torch-airfoil-linreg", withExtension: "json", subdirectory: "Fixtures"))
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixtureURL)) as? [String: Any])
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        let golden = try #require(cases.first { ($0["optimizer"] as? String) == "sgd" && ($0["params"] as? [String: Double]) == ["lr": 0.05] })
        let expectedLosses = try #require(golden["losses"] as? [Double])

        let model = LinearRegression(inputSize: 5)
        var losses = [Double(model.evaluate(x: x, targets: .values(y)).loss)]
        let batchX = Tensor(zeros: [10, 5]), batchY = Tensor(zeros: [10])
        for _ in 0..<2 {
            for batch in 0..<150 {
                batchX.pointer.update(from: x.pointer + batch * 50, count: 50)
                batchY.pointer.update(from: y.pointer + batch * 10, count: 10)
                model.lossAndGradients(x: batchX, targets: .values(batchY))
                for p in model.parameters { for i in 0..<p.count { p.valuePointer[i] -= 0.05 * p.gradientPointer![i] } }
                if (batch + 1) % 10 == 0 { losses.append(Double(model.evaluate(x: x, targets: .values(y)).loss)) }
            }
        }
        #expect(losses.count == expectedLosses.count)
        for (i, (ours, theirs)) in zip(losses, expectedLosses).enumerated() {
            #expect(abs(ours - theirs) < 1e-4, "loss \(i): \(ours) vs torch \(theirs)")
        }
        let w = try #require(golden["w"] as? [Double]), b = try #require(golden["b"] as? Double)
        #expect(zip(model.parameters[0].value.scalars, w).allSatisfy { abs(Double($0) - $1) < 1e-4 })
        #expect(abs(Double(model.parameters[1].value.item) - b) < 1e-4)
    }
}
