import RxXML

/// A deliberately small XPath subset for mapping sections of arbitrary XML leaflets:
/// `/a/b` (from the root), `//b` (any depth), `b/c` (relative), `*` (any name), and a final
/// `@attr` step selecting an attribute. Names are local names; namespaces are ignored.
package struct XMLPath: Sendable, Hashable, CustomStringConvertible {
    struct Step: Sendable, Hashable {
        var anyDepth: Bool
        var name: String
    }

    let absolute: Bool
    let steps: [Step]
    /// Final `@name` step, if any.
    package let attribute: String?
    package let description: String

    /// Parses `text`; throws `InputError(.configuration)` naming the bad path.
    package init(_ text: String) throws(InputError) {
        description = text
        var rest = Substring(text)
        absolute = rest.hasPrefix("/")
        var steps: [Step] = []
        var attribute: String?
        while !rest.isEmpty {
            var anyDepth = false
            if rest.hasPrefix("//") {
                anyDepth = true
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("/") {
                rest = rest.dropFirst()
            }
            let name = rest.prefix { $0 != "/" }
            rest = rest.dropFirst(name.count)
            guard !name.isEmpty else {
                throw InputError(.configuration, path: "xml path", reason: "empty step in XML path \"\(text)\"")
            }
            if name.hasPrefix("@") {
                guard rest.isEmpty, name.count > 1 else {
                    throw InputError(
                        .configuration, path: "xml path",
                        reason: "an @attribute step must come last and be named in \"\(text)\"")
                }
                attribute = String(name.dropFirst())
            } else {
                guard
                    name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "*" })
                else {
                    throw InputError(
                        .configuration, path: "xml path",
                        reason: "unsupported step \"\(name)\" in XML path \"\(text)\" (use /a/b, //b, *, @attr)")
                }
                steps.append(Step(anyDepth: anyDepth, name: String(name)))
            }
        }
        self.steps = steps
        self.attribute = attribute
    }

    /// Elements selected from `context` (for an absolute path, `context` is the root element),
    /// in document order.
    package func select(from context: XElement) -> [XElement] {
        var current: [XElement]
        var remaining = steps[...]
        if absolute {
            guard let first = remaining.first else { return [context] }
            if first.anyDepth {
                current = []
                if first.name == "*" || first.name == context.localName { current.append(context) }
                current.append(contentsOf: Self.descendants(of: context, named: first.name))
            } else {
                current = first.name == "*" || first.name == context.localName ? [context] : []
            }
            remaining = remaining.dropFirst()
        } else {
            current = [context]
        }
        for step in remaining {
            var next: [XElement] = []
            for element in current {
                if step.anyDepth {
                    next.append(contentsOf: Self.descendants(of: element, named: step.name))
                } else {
                    for case .element(let child) in element.children
                    where step.name == "*" || child.localName == step.name {
                        next.append(child)
                    }
                }
            }
            current = next
        }
        return current.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func descendants(of element: XElement, named name: String) -> [XElement] {
        var found: [XElement] = []
        element.forEachDescendant { e in
            if e.range != element.range, name == "*" || e.localName == name { found.append(e) }
        }
        return found
    }
}
