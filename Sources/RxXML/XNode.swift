/// A node of an `XMLTree`: an element or a run of character data.
public enum XNode: Sendable, Hashable {
    case element(XElement)
    case text(XText)
}

/// An attribute as written in a start tag; `value` has entities decoded.
public struct XAttribute: Sendable, Hashable {
    /// Qualified name as written, e.g. `classCode` or `xsi:type`.
    public var name: String
    public var value: String
    /// Byte range of the raw value (between the quotes) in the source.
    public var valueRange: Range<Int>

    public init(name: String, value: String, valueRange: Range<Int>) {
        self.name = name
        self.value = value
        self.valueRange = valueRange
    }
}

/// One character reference or predefined entity inside a text node.
public struct XReplacement: Sendable, Hashable {
    /// Source bytes of the reference, e.g. the six bytes of `&#x2014;`.
    public var range: Range<Int>
    /// The character it stands for.
    public var scalar: Unicode.Scalar

    public init(range: Range<Int>, scalar: Unicode.Scalar) {
        self.range = range
        self.scalar = scalar
    }
}

/// Character data: a byte range of the source plus the references inside it.
///
/// The decoded text is the source bytes of `range` with every replacement's bytes swapped for its
/// scalar's UTF-8 bytes. Most text nodes have no replacement, so they cost two integers.
public struct XText: Sendable, Hashable {
    public var range: Range<Int>
    /// Sorted, non-overlapping, inside `range`. Always empty for CDATA.
    public var replacements: [XReplacement]
    public var isCDATA: Bool

    public init(range: Range<Int>, replacements: [XReplacement] = [], isCDATA: Bool = false) {
        self.range = range
        self.replacements = replacements
        self.isCDATA = isCDATA
    }

    /// Calls `copy` for each verbatim source run and `replace` for each reference, in order.
    public func forEachRun(copy: (Range<Int>) -> Void, replace: (XReplacement) -> Void) {
        var position = range.lowerBound
        for replacement in replacements {
            if replacement.range.lowerBound > position { copy(position..<replacement.range.lowerBound) }
            replace(replacement)
            position = replacement.range.upperBound
        }
        if position < range.upperBound { copy(position..<range.upperBound) }
    }
}

/// An element with its attributes and children, and the source bytes it spans.
///
/// A class, immutable once read: readers of a tree walk and pass elements around a great deal,
/// and each pass of a reference is one reference count, where a struct of three names and two
/// arrays was five. Equal when name, attributes, children and range are.
public final class XElement: Sendable, Hashable {
    /// Qualified name as written, e.g. `section` or `xhtml:div`.
    public let name: String
    /// Name without prefix.
    public let localName: String
    /// Namespace URI in scope for the element's prefix, nil when none.
    public let namespace: String?
    public let attributes: [XAttribute]
    public let children: [XNode]
    /// From the `<` of the start tag to just past the `>` of the end tag.
    public let range: Range<Int>

    public init(
        name: String, localName: String, namespace: String?, attributes: [XAttribute],
        children: [XNode], range: Range<Int>
    ) {
        self.name = name
        self.localName = localName
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.range = range
    }

    /// This element with other children (a reader's view that leaves some out).
    public func with(children: [XNode]) -> XElement {
        XElement(
            name: name, localName: localName, namespace: namespace, attributes: attributes, children: children,
            range: range)
    }

    public static func == (lhs: XElement, rhs: XElement) -> Bool {
        lhs === rhs
            || (lhs.name == rhs.name && lhs.localName == rhs.localName && lhs.namespace == rhs.namespace
                && lhs.attributes == rhs.attributes && lhs.range == rhs.range && lhs.children == rhs.children)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(namespace)
        hasher.combine(range)
    }

    /// The attribute with qualified name `name`, if present.
    public func attribute(_ name: String) -> XAttribute? {
        attributes.first { $0.name == name }
    }

    /// Child elements in document order.
    public var elements: [XElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// First child element with local name `localName`.
    public func child(_ localName: String) -> XElement? {
        for case .element(let e) in children where e.localName == localName { return e }
        return nil
    }

    /// Child elements with local name `localName`.
    public func children(named localName: String) -> [XElement] {
        children.compactMap { if case .element(let e) = $0, e.localName == localName { e } else { nil } }
    }

    /// Follows a chain of child local names, e.g. `element(at: ["code", "coding"])`.
    public func element(at path: [String]) -> XElement? {
        var current = self
        for step in path {
            guard let next = current.child(step) else { return nil }
            current = next
        }
        return current
    }

    /// Visits this element and every descendant element, depth first, in document order.
    public func forEachDescendant(_ body: (XElement) -> Void) {
        var stack: [XElement] = [self]
        while let element = stack.popLast() {
            body(element)
            for case .element(let child) in element.children.reversed() { stack.append(child) }
        }
    }
}
