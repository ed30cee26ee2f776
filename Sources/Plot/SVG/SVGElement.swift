/// One node of an SVG document: a name, ordered attributes, children and optional text.
///
/// Attributes keep their insertion order so output is deterministic (snapshot tests compare
/// documents byte for byte). Text and attribute values are escaped when the element is written.
public struct SVGElement: Sendable, Equatable {
    /// The element name, e.g. `path`, `text`, `g`.
    public var name: String
    /// Attribute name/value pairs in the order they are written.
    public var attributes: [Attribute]
    /// Child elements, written between the start and end tags.
    public var children: [SVGElement]
    /// Character data (only for leaf elements such as `text` and `title`).
    public var text: String?

    /// An attribute name/value pair; the value is escaped on output.
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates an element; `attributes` are (name, value) pairs in output order.
    public init(_ name: String, _ attributes: [(String, String)] = [],
                children: [SVGElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes.map { Attribute($0.0, $0.1) }
        self.children = children
        self.text = text
    }

    /// Appends or replaces an attribute.
    public mutating func set(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append(Attribute(name, value))
        }
    }

    /// The value of an attribute, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Writes the element and its subtree as XML, one element per line, indented by depth.
    public func write(into output: inout String, depth: Int = 0) {
        output += String(repeating: " ", count: depth) + "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\"" + XMLEscaping.escape(attribute.value) + "\""
        }
        if children.isEmpty && text == nil {
            output += "/>\n"
            return
        }
        output += ">"
        if let text { output += XMLEscaping.escape(text) }
        if !children.isEmpty {
            output += "\n"
            for child in children { child.write(into: &output, depth: depth + 1) }
            output += String(repeating: " ", count: depth)
        }
        output += "</" + name + ">\n"
    }
}
