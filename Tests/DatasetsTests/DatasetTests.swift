import Testing
import Datasets

@Suite("Dataset")
struct DatasetTests {
    @Test("sizes that disagree are refused with the numbers")
    func shapeChecks() {
        #expect(datasetErrorMessage { try Dataset(name: "d", features: [1, 2, 3], featureCount: 2, labels: [0, 1], classCount: 2) }
                == "features of d is 3 values; allowed: rows × featureCount = 2 × 2 = 4")
        #expect(datasetErrorMessage { try Dataset(name: "d", features: [1, 2], featureCount: 1, labels: [0, 2], classCount: 2) }
                == "d: label 2 of example 1 is out of range; labels must be in 0..<2")
        #expect(datasetErrorMessage { try Dataset(name: "d", features: [1, 2], featureCount: 2, sampleShape: [3], labels: [0], classCount: 2) }
                == "sampleShape of d is [3]; allowed: a shape whose product is featureCount = 2")
    }

    @Test("a prefix keeps the first rows of every array")
    func prefix() throws {
        let data = try Dataset(name: "r", featuresDouble: [1, 2, 3, 4, 5, 6], featureCount: 2, targetsDouble: [7, 8, 9])
        let head = data.prefix(2)
        #expect(head.count == 2 && head.features == [1, 2, 3, 4] && head.targets == [7, 8])
        #expect(head.featuresDouble == [1, 2, 3, 4] && head.targetsDouble == [7, 8])
        #expect(data.prefix(10).count == 3 && data.prefix(-1).count == 0)
    }
}
