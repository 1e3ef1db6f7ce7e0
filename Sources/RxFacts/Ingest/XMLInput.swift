import RxXML

/// Shared front door of the XML ingesters: reads a tree with `XMLReader` and turns
/// `XMLParseError` into an `InputError` naming the file, line and column.
enum XMLInput {
    static func read(_ input: SourceInput, limits: XMLLimits) throws(InputError) -> XMLTree {
        do {
            return try XMLReader(limits: limits).read(input.bytes)
        } catch {
            let kind: InputError.Kind = error.kind == .encoding ? .encoding : .malformedXML
            throw InputError(kind, path: input.path, line: error.line, column: error.column, reason: error.message)
        }
    }

    /// `/a/b[2]/c`-style step for child number `index` (0-based) of `count` same-named siblings.
    static func step(_ name: String, index: Int, count: Int) -> String {
        count > 1 ? "/\(name)[\(index + 1)]" : "/\(name)"
    }

    /// Calls `body` for each element below `element` (not itself) with its XPath-like path.
    static func forEachDescendant(
        of element: XElement, path: String, _ body: (XElement, String) -> Void
    ) {
        var stack: [(XElement, String)] = []
        func pushChildren(of parent: XElement, path parentPath: String) {
            var counts: [String: Int] = [:]
            for case .element(let child) in parent.children { counts[child.localName, default: 0] += 1 }
            var seen: [String: Int] = [:]
            var children: [(XElement, String)] = []
            for case .element(let child) in parent.children {
                let index = seen[child.localName, default: 0]
                seen[child.localName] = index + 1
                children.append(
                    (child, parentPath + step(child.localName, index: index, count: counts[child.localName] ?? 1)))
            }
            stack.append(contentsOf: children.reversed())
        }
        pushChildren(of: element, path: path)
        while let (current, currentPath) = stack.popLast() {
            body(current, currentPath)
            pushChildren(of: current, path: currentPath)
        }
    }

    /// Byte range of an element's first non-blank text node, or of the element itself.
    static func textRange(of element: XElement, in tree: XMLTree) -> Range<Int> {
        var stack: [XNode] = [.element(element)]
        while let node = stack.popLast() {
            switch node {
            case .text(let text):
                if tree.bytes[text.range].contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
                    return text.range
                }
            case .element(let e): stack.append(contentsOf: e.children.reversed())
            }
        }
        return element.range
    }
}
