/// The document being drawn: a fixed pixel size, shared definitions (clip paths, markers)
/// and the visible elements, plus a counter that gives every definition a unique id even when
/// several panels share one document.
public struct SVGCanvas: Sendable {
    /// Width and height in pixels; also the viewBox.
    public let width: Double
    public let height: Double
    /// Fonts and neutral colours.
    public let theme: Theme
    /// Elements placed in `<defs>`.
    public private(set) var definitions: [SVGElement] = []
    /// Visible elements in drawing order.
    public private(set) var elements: [SVGElement] = []
    private var nextIdentifier = 1

    public init(width: Double, height: Double, theme: Theme = .standard) {
        self.width = width
        self.height = height
        self.theme = theme
    }

    /// A fresh id such as `clip3`, unique within this document.
    public mutating func uniqueID(_ prefix: String) -> String {
        defer { nextIdentifier += 1 }
        return prefix + String(nextIdentifier)
    }

    /// Appends a visible element.
    public mutating func add(_ element: SVGElement) {
        elements.append(element)
    }

    /// Appends several visible elements.
    public mutating func add(contentsOf newElements: [SVGElement]) {
        elements.append(contentsOf: newElements)
    }

    /// Draws with `body` and wraps everything it added in one `<g>` with `attributes`
    /// (keeps a panel's elements together while ids stay unique across the document).
    public mutating func grouped(_ attributes: [(String, String)], _ body: (inout SVGCanvas) -> Void) {
        let start = elements.count
        body(&self)
        let added = Array(elements[start...])
        elements.removeSubrange(start...)
        if !added.isEmpty { elements.append(.group(attributes, added)) }
    }

    /// Appends a definition (referenced by id from visible elements).
    public mutating func addDefinition(_ element: SVGElement) {
        definitions.append(element)
    }

    /// Defines a clip path for `rect` and returns the value for a `clip-path` attribute.
    public mutating func clipReference(for rect: PlotRect) -> String {
        let id = uniqueID("clip")
        addDefinition(SVGElement("clipPath", [("id", id)], children: [
            .rect(rect, fill: "none", stroke: nil),
        ]))
        return "url(#" + id + ")"
    }

    /// The complete SVG document: XML declaration, root with size and viewBox, an accessible
    /// `<title>`, a background, the definitions and the elements.
    public func document(title: String? = nil) -> String {
        let w = CompactNumber.format(width), h = CompactNumber.format(height)
        var root = SVGElement("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", w), ("height", h), ("viewBox", "0 0 \(w) \(h)"),
            ("font-family", theme.fontFamily),
        ])
        if let title, !title.isEmpty { root.children.append(SVGElement("title", text: title)) }
        root.children.append(.rect(PlotRect(x: 0, y: 0, width: width, height: height),
                                   fill: theme.background, stroke: nil))
        if !definitions.isEmpty { root.children.append(SVGElement("defs", children: definitions)) }
        root.children.append(contentsOf: elements)
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        root.write(into: &output)
        return output
    }
}
