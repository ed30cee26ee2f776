import Optimizers
import Plot

/// What an experiment produced: the lines the source text prints, its figures, tables of the
/// key numbers (for the report page) and every number behind the figures (for its JSON file).
public struct LabReport: Sendable {
    /// Lines for standard output, formatted as the source text prints them.
    public var lines: [String]
    public var figures: [LabFigure]
    public var tables: [LabTable]
    /// Members of the experiment's JSON object, in order.
    public var numbers: [(String, JSONValue)]

    public init(lines: [String] = [], figures: [LabFigure] = [], tables: [LabTable] = [],
                numbers: [(String, JSONValue)] = []) {
        self.lines = lines
        self.figures = figures
        self.tables = tables
        self.numbers = numbers
    }

    /// Adds another report's lines, figures, tables and numbers after this one's.
    public mutating func append(_ other: LabReport) {
        lines += other.lines
        figures += other.figures
        tables += other.tables
        numbers += other.numbers
    }

    /// The member `key` of the numbers, or nil.
    public subscript(number key: String) -> JSONValue? {
        numbers.first { $0.0 == key }?.1
    }
}

/// A figure with the file name it is written under and a line of explanation.
public struct LabFigure: Sendable {
    /// File stem: the figure is written as `<name>.svg` (and `<name>.png`).
    public var name: String
    /// One line saying what the figure shows, for the report page.
    public var caption: String
    public var figure: Figure

    public init(name: String, caption: String, figure: Figure) {
        self.name = name
        self.caption = caption
        self.figure = figure
    }
}

/// A small table of numbers for the report page: a title, column headings and rows of text.
public struct LabTable: Sendable, Equatable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]

    public init(title: String, columns: [String], rows: [[String]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
