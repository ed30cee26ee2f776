import Plot

/// The report page of `descent lab all`: per experiment its title, a line of explanation,
/// each figure (an `<img>` of the SVG written next to it) with its caption, the printed lines
/// and the key numbers in tables, and a link to its JSON. Plain HTML and CSS, no external
/// resources, so it opens from the folder as it is.
public struct LabIndexPage: Sendable {
    public var outcomes: [LabOutcome]
    public var title = "Descent lab: the source texts' experiments"

    public init(outcomes: [LabOutcome]) {
        self.outcomes = outcomes
    }

    public var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(XMLEscaping.escape(title))</title>
            <style>\(LabIndexPage.css)</style>
            </head>
            <body>
            <h1>\(XMLEscaping.escape(title))</h1>
            <nav><ul>

            """
        for outcome in outcomes {
            out += "<li><a href=\"#\(outcome.experiment.name)\">\(XMLEscaping.escape(outcome.experiment.title))</a></li>\n"
        }
        out += "</ul></nav>\n"
        outcomes.forEach { out += section($0) }
        out += "</body>\n</html>\n"
        return out
    }

    func section(_ outcome: LabOutcome) -> String {
        let experiment = outcome.experiment, report = outcome.report
        var out = "<section id=\"\(experiment.name)\">\n<h2>\(XMLEscaping.escape(experiment.title))</h2>\n"
        out += "<p>\(XMLEscaping.escape(experiment.summary))</p>\n"
        for figure in report.figures {
            let file = figure.name + ".svg"
            out += "<figure><img src=\"\(XMLEscaping.escape(file))\" alt=\"\(XMLEscaping.escape(figure.caption))\">"
            out += "<figcaption>\(XMLEscaping.escape(figure.caption))</figcaption></figure>\n"
        }
        if !report.lines.isEmpty {
            out += "<h3>Printed</h3>\n<pre>\(XMLEscaping.escape(report.lines.joined(separator: "\n")))</pre>\n"
        }
        report.tables.forEach { out += table($0) }
        let json = experiment.name + ".json"
        out += "<p class=\"numbers\">Every number behind the figures: <a href=\"\(XMLEscaping.escape(json))\">\(XMLEscaping.escape(json))</a></p>\n"
        return out + "</section>\n"
    }

    func table(_ table: LabTable) -> String {
        var out = "<table>\n<caption>\(XMLEscaping.escape(table.title))</caption>\n<thead><tr>"
        out += table.columns.map { "<th>\(XMLEscaping.escape($0))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>" + row.map { "<td>\(XMLEscaping.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static let css = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; background: #fff;
               max-width: 980px; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem;
               margin-top: 2.5rem; } h3 { font-size: 1rem; }
        nav ul { padding-left: 1.2rem; } a { color: #0b62a4; }
        figure { margin: 1.2rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: .92rem; color: #444; margin-top: .3rem; }
        pre { background: #f6f6f6; padding: .6rem .8rem; overflow-x: auto; font-size: .9rem; }
        table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
        caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
        th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: right; }
        th { background: #f0f0f0; } td:first-child, th:first-child { text-align: left; }
        .numbers { font-size: .92rem; color: #444; }
        """
}
