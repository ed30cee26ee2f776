import Foundation
import Testing
import Datasets

@Suite("CSV/TSV files")
struct CSVDatasetTests {
    @Test("the delimiter is detected", arguments: [
        ("1,2,3\n4,5,6\n", TextDelimiter.comma),
        ("1\t2\t3\n4\t5\t6\n", .tab),
        ("1;2;3\n4;5;6\n", .semicolon),
        ("  1  2   3\n4 5\t6  \n", .whitespace),
    ])
    func delimiters(text: String, delimiter: TextDelimiter) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(text, to: "table.txt")
        let split = try CSVDataset.load(path: path)
        #expect(split.description.contains("2 rows of 3 \(delimiter)-separated numbers; regression"))
        #expect(split.train.features == [1, 2, 4, 5] && split.train.targets == [3, 6])
        #expect(split.train.featuresDouble == [1, 2, 4, 5] && split.task == .regression)
    }

    @Test("a first row of names is a header; quotes, comments, blank lines and CRLF are handled")
    func header() throws {
        let folder = try TemporaryFolder()
        let text = "\u{FEFF}\"size, m\",weight,price\r\n# a comment\r\n\r\n1.5, -2e-1 ,\"3\"\r\n4,5,6\r\n"
        let path = try folder.write(text, to: "houses.csv")
        let split = try CSVDataset.load(path: path)
        #expect(split.name == "houses")
        #expect(split.train.featureNames == ["size, m", "weight"])
        #expect(split.train.featuresDouble == [1.5, -0.2, 4, 5] && split.train.targetsDouble == [3, 6])
        #expect(split.description.contains("2 rows of 3 comma-separated numbers, columns size, m, weight, price"))
    }

    @Test("a non-numeric cell is named by file, line and column")
    func notANumber() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x,y,target\n1,2,3\n\n4,oops,6\n", to: "bad.csv")
        let message = datasetErrorMessage { try CSVDataset.load(path: path) }
        #expect(message == "\(path):4: column 2 (y) is 'oops', expected a finite number")
    }

    @Test("empty cells and non-finite values are not numbers", arguments: ["1,,3", "1,nan,3", "1,inf,3", "1,2e,3"])
    func notFinite(row: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("0,0,0\n" + row + "\n", to: "t.csv")
        let message = datasetErrorMessage { try CSVDataset.load(path: path) }
        #expect(message.hasPrefix("\(path):2: column 2 is '"))
    }

    @Test("a ragged row is named with its line")
    func ragged() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("1\t2\t3\n4\t5\t6\n7\t8\n", to: "ragged.tsv")
        let message = datasetErrorMessage { try CSVDataset.load(path: path) }
        #expect(message == "\(path):3: 2 columns, expected 3 like the first row")
    }

    @Test("a first row mixing names and numbers is an error unless the header is declared")
    func ambiguousFirstRow() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a,2,c\n1,2,3\n", to: "mixed.csv")
        let message = datasetErrorMessage { try CSVDataset.load(path: path) }
        #expect(message.hasPrefix("\(path):1: the first row mixes names and numbers (column 2 is '2')"))
        let declared = try CSVDataset.load(path: path, options: CSVOptions(header: .present))
        #expect(declared.train.featureNames == ["a", "2"] && declared.train.count == 1)
    }

    @Test("tables without data or with a single column")
    func degenerateTables() throws {
        let folder = try TemporaryFolder()
        let headerOnly = try folder.write("x,y\n\n", to: "h.csv")
        #expect(datasetErrorMessage { try CSVDataset.load(path: headerOnly) } == "\(headerOnly): no data rows")
        let oneColumn = try folder.write("1\n2\n", to: "one.csv")
        #expect(datasetErrorMessage { try CSVDataset.load(path: oneColumn) }
                == "\(oneColumn):1: 1 column(s); need at least 2 (features, then the target last)")
    }

    @Test("integer targets as class labels")
    func classification() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("0.5,1\n0.25,0\n1.0,3\n", to: "classes.csv")
        let split = try CSVDataset.load(path: path, options: CSVOptions(target: .classification))
        #expect(split.task == .classification(classCount: 4))
        #expect(split.train.labels == [1, 0, 3] && split.train.features == [0.5, 0.25, 1.0])
        #expect(split.train.targets == nil)
    }

    @Test("a fractional or negative target is not a class", arguments: ["2.5", "-1"])
    func notAClass(target: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("0.5,1\n0.25,\(target)\n", to: "classes.csv")
        let message = datasetErrorMessage { try CSVDataset.load(path: path, options: CSVOptions(target: .classification)) }
        #expect(message.hasPrefix("\(path):2: target '"))
        #expect(message.hasSuffix("is not a class label; classification needs integers 0, 1, 2, …"))
    }

    @Test("the catalog reads a file path as CSV")
    func catalogFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("1,2\n3,4\n", to: "pairs.csv")
        let split = try DatasetCatalog.load(path)
        #expect(split.train.count == 2 && split.train.targets == [2, 4])
    }
}
