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

    /// Calls `body` for each element below `element` (not itself), in document order, with a
    /// function that makes its XPath-like path: paths are made only for the elements asked
    /// (a product's subtree has hundreds of elements and a few ingredients).
    static func forEachDescendant(
        of element: XElement, path: String, _ body: (XElement, () -> String) -> Void
    ) {
        // Visited elements with the index of their parent (-1: `element`), in visit order.
        var visited: [(element: XElement, parent: Int)] = []
        var stack: [(element: XElement, parent: Int)] = []
        func pushChildren(of parent: XElement, index: Int) {
            for case .element(let child) in parent.children.reversed() { stack.append((child, index)) }
        }
        func elementPath(_ index: Int) -> String {
            var steps: [String] = []
            var node = index
            while node >= 0 {
                let (current, parent) = visited[node]
                let siblings = (parent >= 0 ? visited[parent].element : element).children
                var position = 0
                var count = 0
                for case .element(let sibling) in siblings where sibling.localName == current.localName {
                    if sibling == current { position = count }
                    count += 1
                }
                steps.append(step(current.localName, index: position, count: count))
                node = parent
            }
            return path + steps.reversed().joined()
        }
        pushChildren(of: element, index: -1)
        while let (current, parent) = stack.popLast() {
            visited.append((current, parent))
            let index = visited.count - 1
            body(current) { elementPath(index) }
            pushChildren(of: current, index: index)
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
