import Foundation
import Testing
import Datasets

@Suite("Airfoil")
struct AirfoilTests {
    static let sharedFile = "/work/shared/data/airfoil_self_noise.dat"

    /// The reference standardisation, written out independently of `Airfoil`: two passes per
    /// column over all rows of the raw text, population standard deviation.
    static func referenceStandardised(_ text: String) -> [[Double]] {
        let rows = text.split(separator: "\n").map { $0.split(separator: "\t").map { Double($0)! } }
        let columns = rows[0].count
        var result = rows
        for c in 0..<columns {
            let column = rows.map { $0[c] }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)
            for r in rows.indices { result[r][c] = (rows[r][c] - mean) / variance.squareRoot() }
        }
        return result
    }

    @Test("standardised over all rows, then cut to the row limit")
    func syntheticFile() throws {
        let folder = try TemporaryFolder()
        let text = (0..<8).map { r in (0..<6).map { c in "\(Double(r * r + c) * 0.5 + Double(c * 3))" }.joined(separator: "\t") }
            .joined(separator: "\n") + "\n"
        let path = try folder.write(text, to: "air.dat")
        let split = try Airfoil.load(path: path, rowLimit: 5)
        let reference = Self.referenceStandardised(text)
        #expect(split.train.count == 5 && split.train.featureCount == 5 && split.test == nil)
        for r in 0..<5 {
            for c in 0..<5 {
                #expect(abs(split.train.featuresDouble![r * 5 + c] - reference[r][c]) < 1e-12)
                #expect(split.train.features[r * 5 + c] == Float(split.train.featuresDouble![r * 5 + c]))
            }
            #expect(abs(split.train.targetsDouble![r] - reference[r][5]) < 1e-12)
        }
    }

    @Test("too few rows and a constant column are named")
    func errors() throws {
        let folder = try TemporaryFolder()
        let short = try folder.write("1\t2\t3\t4\t5\t6\n2\t3\t4\t5\t6\t7\n", to: "short.dat")
        #expect(datasetErrorMessage { try Airfoil.load(path: short) } == "\(short): 2 data rows, need at least 1500")
        let constant = try folder.write("1\t2\t3\t4\t5\t6\n2\t2\t4\t5\t6\t7\n", to: "constant.dat")
        #expect(datasetErrorMessage { try Airfoil.load(path: constant, rowLimit: 2) }
                == "\(constant): column 2 is constant, so it cannot be standardised (its standard deviation is 0)")
        let narrow = try folder.write("1\t2\t3\n2\t3\t4\n", to: "narrow.dat")
        #expect(datasetErrorMessage { try Airfoil.load(path: narrow, rowLimit: 2) }
                == "\(narrow):1: 3 columns, expected 6 like the first row")
    }

    @Test("the UCI file as d2l prepares it", .enabled(if: FileManager.default.fileExists(atPath: sharedFile)))
    func realFile() throws {
        let split = try DatasetCatalog.load("airfoil", data: Self.sharedFile)
        let train = split.train
        #expect(train.count == 1500 && train.featureCount == 5 && split.task == .regression)
        let reference = Self.referenceStandardised(try String(contentsOfFile: Self.sharedFile, encoding: .utf8))
        #expect(reference.count == 1503)
        for c in 0..<5 { #expect(abs(train.featuresDouble![c] - reference[0][c]) < 1e-12) }
        #expect(abs(train.targetsDouble![0] - reference[0][5]) < 1e-12)
        #expect(abs(train.featuresDouble![0] - -0.662022703398098) < 1e-9)  // numpy: (x - x.mean(0)) / x.std(0)
        #expect(abs(train.targetsDouble![1499] - -2.2594441) < 1e-6)
        // Standardised over 1503 rows, the first 1500 have means close to, not exactly, 0.
        for c in 0..<5 {
            let mean = stride(from: c, to: train.featuresDouble!.count, by: 5).map { train.featuresDouble![$0] }.reduce(0, +) / 1500
            #expect(abs(mean) < 0.01)
        }
        #expect(abs(train.targetsDouble!.reduce(0, +) / 1500) < 0.01)
    }
}
