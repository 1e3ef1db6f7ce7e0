import Testing
@testable import RxFacts
@testable import RxXML

/// The scanner's tree (`XMLNodeStore` and its `XElement` views) against documents whose tree is
/// known: random documents are written from a tree, read back and compared node by node.
@Suite struct XMLTreeTests {
    /// The tree a random document was written from.
    final class Expected {
        var name: String
        var localName: String
        var namespace: String?
        var attributes: [(String, String)] = []
        var children: [Child] = []
        var range = 0..<0

        enum Child {
            case element(Expected)
            case text(String)
        }

        init(name: String, localName: String, namespace: String?) {
            self.name = name
            self.localName = localName
            self.namespace = namespace
        }
    }

    /// Writes a random element (and its subtree) at the end of `out`; `scope` maps prefixes to URIs.
    static func write(
        depth: Int, scope: [String: String], into out: inout [UInt8], random: inout some RandomNumberGenerator
    ) -> Expected {
        let prefixes = ["", "a", "b", "xhtml"]
        var scope = scope
        // Many distinct names, so the name table grows past its first size.
        let local = "e\(Int.random(in: 0..<300, using: &random))"
        var declarations: [(String, String)] = []
        if Int.random(in: 0..<4, using: &random) == 0 {
            let prefix = prefixes.randomElement(using: &random)!
            let uri = Bool.random(using: &random) ? "urn:ns:\(Int.random(in: 0..<5, using: &random))" : ""
            // `xmlns:p=""` is not XML 1.0; only the default namespace may be undeclared.
            if !(prefix != "" && uri.isEmpty) {
                declarations.append((prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)", uri))
                scope[prefix] = uri
            }
        }
        let prefix = prefixes.filter { $0.isEmpty || scope[$0] != nil }.randomElement(using: &random)!
        let name = prefix.isEmpty ? local : "\(prefix):\(local)"
        let uri = scope[prefix] ?? ""
        let element = Expected(name: name, localName: local, namespace: uri.isEmpty ? nil : uri)
        element.attributes = declarations
        for k in 0..<Int.random(in: 0..<3, using: &random) {
            element.attributes.append(("k\(k)", "v\(Int.random(in: 0..<1000, using: &random))"))
        }
        let start = out.count
        out += Array("<\(name)".utf8)
        for (key, value) in element.attributes { out += Array(" \(key)=\"\(value)\"".utf8) }
        if depth == 0 || Int.random(in: 0..<5, using: &random) == 0 {
            out += Array("/>".utf8)
            element.range = start..<out.count
            return element
        }
        out += Array(">".utf8)
        for _ in 0..<Int.random(in: 0..<5, using: &random) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0: out += Array("<!-- note -->".utf8)
            case 1:
                let text = "t&amp;\(out.count)"
                out += Array(text.utf8)
                // Character data next to character data is one text node.
                if case .text(let before) = element.children.last, out[out.count - text.utf8.count - 1] != 0x3E {
                    element.children[element.children.count - 1] = .text(before + text)
                } else {
                    element.children.append(.text(text))
                }
            default:
                let child = write(depth: depth - 1, scope: scope, into: &out, random: &random)
                element.children.append(.element(child))
            }
        }
        out += Array("</\(name)>".utf8)
        element.range = start..<out.count
        return element
    }

    static func compare(_ element: XElement, _ expected: Expected, _ tree: XMLTree) {
        #expect(element.name == expected.name)
        #expect(element.localName == expected.localName)
        #expect(element.namespace == expected.namespace, "\(expected.name)")
        #expect(element.attributes.map { [$0.name, $0.value] } == expected.attributes.map { [$0.0, $0.1] })
        #expect(element.range == expected.range)
        #expect(element.children.count == expected.children.count)
        for (child, wanted) in zip(element.children, expected.children) {
            switch (child, wanted) {
            case (.element(let e), .element(let w)): compare(e, w, tree)
            case (.text(let t), .text(let w)):
                #expect(
                    String(decoding: tree.decodedBytes(of: t), as: UTF8.self)
                        == w.replacingOccurrences(of: "&amp;", with: "&"))
            default: Issue.record("child of \(expected.name) is of another kind")
            }
        }
    }

    @Test func randomDocumentsReadBackAsWritten() throws {
        var random = SplitMix64(seed: 42)
        for _ in 0..<200 {
            var bytes = Array("<?xml version=\"1.0\"?>\n".utf8)
            let expected = Self.write(depth: 6, scope: [:], into: &bytes, random: &random)
            let tree = try XMLReader().read(bytes)
            Self.compare(tree.root, expected, tree)
        }
    }

    @Test func descendantsAreVisitedInDocumentOrder() throws {
        var random = SplitMix64(seed: 7)
        var bytes: [UInt8] = []
        // A document with a few dozen elements at least.
        while bytes.count < 2_000 {
            bytes = []
            _ = Self.write(depth: 8, scope: [:], into: &bytes, random: &random)
        }
        let tree = try XMLReader().read(bytes)
        // Depth first through `children`, the old way of walking a tree.
        var walked: [XElement] = []
        func walk(_ element: XElement) {
            walked.append(element)
            for case .element(let child) in element.children { walk(child) }
        }
        walk(tree.root)
        var visited: [XElement] = []
        tree.root.forEachDescendant { visited.append($0) }
        #expect(visited == walked)
        #expect(walked.count > 20)
        // A subtree's walk stops at its end.
        for element in walked.prefix(30) {
            var inside: [XElement] = []
            element.forEachDescendant { inside.append($0) }
            #expect(inside.allSatisfy { element.range.contains($0.range.lowerBound) })
            #expect(inside.first == element)
        }
    }

    @Test func elementsAreEqualWhenTheyAreTheSameElement() throws {
        let bytes = Array("<a><b/><b/></a>".utf8)
        let tree = try XMLReader().read(bytes)
        let again = try XMLReader().read(bytes)
        let b = tree.root.children(named: "b")
        #expect(b.count == 2 && b[0] != b[1])
        #expect(b[0] == tree.root.child("b"))
        #expect(Set(tree.root.children(named: "b") + tree.root.children(named: "b")).count == 2)
        // The same bytes read twice are two documents.
        #expect(again.root != tree.root)
    }

    @Test func textContentLeavesOutTheChildrenAsked() throws {
        let bytes = Array("<name>TRIAMINIC <suffix>Childrens</suffix> Cold<b>, <suffix>inner</suffix></b></name>".utf8)
        let tree = try XMLReader().read(bytes)
        #expect(tree.textContent(of: tree.root) == "TRIAMINIC Childrens Cold, inner")
        // Only children of the element are left out, not deeper descendants.
        #expect(tree.textContent(of: tree.root, leavingOut: { $0.localName == "suffix" }) == "TRIAMINIC Cold, inner")
    }

    /// The flattener keeps what it decided per local name of a document; a second document's
    /// names are its own (the same name index is another name there).
    @Test func flattenerRolesBelongToTheirDocument() throws {
        let first = try XMLReader().read(Array("<a><b>one</b><b>two</b></a>".utf8))
        let second = try XMLReader().read(Array("<a>three<br/>four</a>".utf8))
        #expect(first.root.children(named: "b")[0].localNameKey == second.root.child("br")?.localNameKey)
        var flattener = XMLTextFlattener(bytes: first.bytes)
        flattener.appendContent(of: first.root)
        #expect(String(decoding: flattener.text, as: UTF8.self) == "onetwo")
        // `br` is a line break, not the inline `b` of the first document.
        flattener = XMLTextFlattener(bytes: second.bytes)
        flattener.appendContent(of: second.root)
        #expect(String(decoding: flattener.text, as: UTF8.self) == "three\nfour")
    }

    @Test func contentAfterTheRootAndAMissingRootAreStillRefused() {
        #expect(throws: XMLParseError.self) { try XMLReader().scanWithoutValidation(Array("<a/><b/>".utf8)) }
        #expect(throws: XMLParseError.self) { try XMLReader().scanWithoutValidation(Array("<a><b></b>".utf8)) }
        #expect(throws: XMLParseError.self) { try XMLReader().scanWithoutValidation(Array("<!-- only -->".utf8)) }
    }
}
