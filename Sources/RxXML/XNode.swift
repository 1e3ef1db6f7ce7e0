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

/// An element with its attributes and children, and the source bytes it spans: a view of one
/// element of its document's `XMLNodeStore` (a reference and an index; the document's nodes live
/// in a few flat arrays, not one object each). Equal when it is the same element of the same
/// document.
public struct XElement: Sendable, Hashable {
    let store: XMLNodeStore
    let index: Int32

    init(_ store: XMLNodeStore, _ index: Int32) {
        self.store = store
        self.index = index
    }

    private var record: XMLNodeStore.Element { store.elements[Int(index)] }

    /// Qualified name as written, e.g. `section` or `xhtml:div`.
    public var name: String { store.names[Int(record.name)] }
    /// Name without prefix.
    public var localName: String { store.names[Int(record.localName)] }
    /// Namespace URI in scope for the element's prefix, nil when none.
    public var namespace: String? {
        let namespace = record.namespace
        return namespace < 0 ? nil : store.names[Int(namespace)]
    }
    public var attributes: ArraySlice<XAttribute> {
        let record = record
        return store.attributes[Int(record.firstAttribute)..<Int(record.attributeEnd)]
    }
    public var children: XChildren {
        let record = record
        return XChildren(store: store, refs: Int(record.firstChild)..<Int(record.childEnd))
    }
    /// A key for what a reader decides by local name: the same for the elements of one document
    /// (`document`) that share a local name, different for different names.
    package var localNameKey: Int { Int(record.localName) }
    /// The document the element is part of.
    package var document: ObjectIdentifier { ObjectIdentifier(store) }

    /// From the `<` of the start tag to just past the `>` of the end tag.
    public var range: Range<Int> {
        let record = record
        return record.start..<record.stop
    }

    public static func == (lhs: XElement, rhs: XElement) -> Bool {
        lhs.store === rhs.store && lhs.index == rhs.index
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(store))
        hasher.combine(index)
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

    /// Visits this element and every descendant element, depth first, in document order (the
    /// order of the store: an element's descendants follow it).
    public func forEachDescendant(_ body: (XElement) -> Void) {
        for descendant in index..<record.end { body(XElement(store, descendant)) }
    }
}

/// The children of an element, in document order.
public struct XChildren: RandomAccessCollection, Sendable {
    let store: XMLNodeStore
    let refs: Range<Int>

    public var startIndex: Int { 0 }
    public var endIndex: Int { refs.count }

    public subscript(position: Int) -> XNode {
        let ref = store.children[refs.lowerBound + position]
        return ref >= 0 ? .element(XElement(store, ref)) : .text(store.texts[Int(~ref)])
    }
}
