#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// rxfacts' own byte-level XML scanner. It runs *after* libxml2 has accepted the document,
/// and exists for one reason: exact byte offsets of every text node, attribute value and
/// element, which libxml2's reader does not expose. It still checks bounds everywhere, so it
/// is safe on any input (the format sniffer runs it on unvalidated bytes).
///
/// It understands what a well-formed, DTD-free document can contain: elements, attributes,
/// namespace declarations, character data with the five predefined entities and numeric
/// character references, CDATA, comments, processing instructions and a DOCTYPE (skipped).
struct XMLScanner {
    private let p: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var i = 0
    /// Namespace declarations in scope: the prefix's bytes in the input (empty for the default
    /// namespace) and the URI's index in `names` (-1 for `xmlns=""`).
    private var bindings: [(prefix: Range<Int>, uri: Int32)] = []
    // The tree being built (`XMLNodeStore`).
    private var names = XMLNameTable()
    private var elements: [XMLNodeStore.Element] = []
    private var children: [Int32] = []
    private var texts: [XText] = []
    private var attributes: [XAttribute] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.p = buffer
        self.maxDepth = maxDepth
    }

    private struct OpenElement {
        var index: Int32
        /// Where its children start on the scanner's stack of pending children.
        var pendingMark: Int
        var bindingsMark: Int
    }

    private struct StartTag {
        var name: Int32
        var localName: Int32
        var namespace: Int32
        var attributes: Range<Int32>
        var start: Int
        var selfClosing: Bool
        var bindingsMark: Int
    }

    // MARK: Errors

    private func fail(_ kind: XMLParseError.Kind, _ message: String, at offset: Int? = nil) -> XMLParseError {
        XMLParseError.at(offset ?? i, in: p, kind, message)
    }

    // MARK: Prolog

    /// Checks encoding and the DOCTYPE before libxml2 sees the bytes: UTF-16/32 and non-UTF-8
    /// declarations are refused, and so is any DOCTYPE whose internal subset declares entities
    /// (the XXE and billion-laughs vectors); an external DTD reference is allowed but never read.
    mutating func preflight() throws(XMLParseError) {
        if p.count >= 2, (p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF) {
            throw XMLParseError(
                .encoding, line: 1, column: 1,
                message: "UTF-16 XML is not supported; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
        }
        if p.count >= 4, (p[0] == 0 && p[1] == 0x3C) || (p[0] == 0x3C && p[1] == 0) {
            throw XMLParseError(
                .encoding, line: 1, column: 1,
                message: "UTF-16 or UTF-32 XML without byte-order mark is not supported; convert it to UTF-8")
        }
        i = 0
        if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        if hasPrefix("<?xml", at: i) {
            let start = i
            let end = try find("?>", from: i)
            if let encoding = pseudoAttribute("encoding", in: start..<end) {
                let lower = encoding.lowercased()
                if lower != "utf-8" && lower != "utf8" && lower != "us-ascii" && lower != "ascii" {
                    throw fail(
                        .encoding, "declared encoding \"\(encoding)\" is not supported; convert the file to UTF-8",
                        at: start)
                }
            }
            i = end + 2
        }
        while true {
            skipWhitespace()
            if i >= p.count { return }
            if hasPrefix("<!--", at: i) {
                i = try find("-->", from: i + 4) + 3
                continue
            }
            if hasPrefix("<?", at: i) {
                i = try find("?>", from: i + 2) + 2
                continue
            }
            if hasPrefix("<!DOCTYPE", at: i) {
                let doctypeEnd = try skipDoctype(from: i)
                var k = i
                while k + 8 <= doctypeEnd {
                    if hasPrefix("<!ENTITY", at: k) {
                        throw fail(
                            .forbidden,
                            "DOCTYPE declares entities; rxfacts expands no custom entities (XXE and entity-expansion protection)",
                            at: k)
                    }
                    k += 1
                }
                i = doctypeEnd
                continue
            }
            return
        }
    }

    /// Value of `name="…"` inside the XML declaration.
    private func pseudoAttribute(_ name: String, in range: Range<Int>) -> String? {
        let key = Array(name.utf8)
        var k = range.lowerBound
        while k + key.count < range.upperBound {
            if p[k..<(k + key.count)].elementsEqual(key) {
                var j = k + key.count
                while j < range.upperBound, p[j] == 0x20 || p[j] == 0x3D { j += 1 }
                guard j < range.upperBound, p[j] == 0x22 || p[j] == 0x27 else { return nil }
                let quote = p[j]
                let valueStart = j + 1
                var e = valueStart
                while e < range.upperBound, p[e] != quote { e += 1 }
                return String(decoding: p[valueStart..<e], as: UTF8.self)
            }
            k += 1
        }
        return nil
    }

    /// Offset just past the `>` closing the DOCTYPE starting at `start`.
    private func skipDoctype(from start: Int) throws(XMLParseError) -> Int {
        var k = start + 9
        var inSubset = false
        while k < p.count {
            let c = p[k]
            if c == 0x22 || c == 0x27 {
                k += 1
                while k < p.count, p[k] != c { k += 1 }
            } else if c == 0x5B {
                inSubset = true
            } else if c == 0x5D {
                inSubset = false
            } else if c == 0x3E, !inSubset {
                return k + 1
            }
            k += 1
        }
        throw fail(.malformed, "unterminated DOCTYPE", at: start)
    }

    // MARK: Attribute counts

    /// Refuses an element with more than `maximum` attributes (namespace declarations included)
    /// before libxml2 sees the document: libxml2 2.9 checks an element's attributes for
    /// duplicates pair by pair, so 200,000 attributes on one element cost minutes. One linear
    /// pass; comments, CDATA, processing instructions, the DOCTYPE and quoted values are skipped
    /// whole. Anything malformed is left for libxml2 to report.
    func checkAttributeCounts(maximum: Int) throws(XMLParseError) {
        var k = 0
        let n = p.count
        func skip(past literal: StaticString, from start: Int) -> Int {
            var j = start
            while j < n {
                if p[j] == literal.utf8Start[0], hasPrefix(literal, at: j) { return j + literal.utf8CodeUnitCount }
                j += 1
            }
            return n
        }
        while k < n {
            guard p[k] == 0x3C else {
                // Character data: on to the next '<' (memchr reads many bytes at a time).
                k = nextByte(0x3C, from: k + 1, before: n)
                continue
            }
            if hasPrefix("<!--", at: k) {
                k = skip(past: "-->", from: k + 4)
                continue
            }
            if hasPrefix("<![CDATA[", at: k) {
                k = skip(past: "]]>", from: k + 9)
                continue
            }
            if hasPrefix("<?", at: k) {
                k = skip(past: "?>", from: k + 2)
                continue
            }
            if hasPrefix("<!", at: k) {
                k = (try? skipDoctype(from: k)) ?? n
                continue
            }
            let tagStart = k
            var attributes = 0
            k += 1
            while k < n, p[k] != 0x3E, p[k] != 0x3C {
                let c = p[k]
                if c == 0x22 || c == 0x27 {
                    attributes += 1
                    if attributes > maximum {
                        throw fail(.limit, "element has more than \(maximum) attributes", at: tagStart)
                    }
                    k += 1
                    while k < n, p[k] != c { k += 1 }
                }
                k += 1
            }
        }
    }

    // MARK: Sniffing

    /// Local name and namespace of the root element, reading only the prolog and first tag.
    mutating func sniffRoot() -> (localName: String, namespace: String?)? {
        do {
            try preflight()
            guard i < p.count, p[i] == 0x3C else { return nil }
            let tag = try scanStartTag()
            return (names.names[Int(tag.localName)], tag.namespace < 0 ? nil : names.names[Int(tag.namespace)])
        } catch {
            return nil
        }
    }

    // MARK: Document

    /// Builds the element tree of a document libxml2 has accepted.
    mutating func scanDocument() throws(XMLParseError) -> XElement {
        // Indices into the tree's arrays are 32-bit; no node is smaller than a byte.
        guard p.count <= Int(Int32.max) else {
            throw fail(.limit, "document is \(p.count) bytes, over the 2 GiB a tree can index", at: 0)
        }
        try preflight()
        var stack: [OpenElement] = []
        var pending: [Int32] = []
        var root: Int32 = -1
        var rootClosed = false
        while i < p.count {
            if p[i] != 0x3C {
                let text = try scanText()
                if !stack.isEmpty {
                    pending.append(~Int32(texts.count))
                    texts.append(text)
                }
                continue
            }
            if hasPrefix("</", at: i) {
                guard let open = stack.popLast() else { throw fail(.malformed, "end tag without start tag") }
                let end = try find(">", from: i + 2) + 1
                i = end
                bindings.removeLast(bindings.count - open.bindingsMark)
                let index = Int(open.index)
                elements[index].firstChild = Int32(children.count)
                children.append(contentsOf: pending[open.pendingMark...])
                pending.removeLast(pending.count - open.pendingMark)
                elements[index].childEnd = Int32(children.count)
                elements[index].end = Int32(elements.count)
                elements[index].stop = end
                if stack.isEmpty { rootClosed = true }
                continue
            }
            if hasPrefix("<!--", at: i) {
                i = try find("-->", from: i + 4) + 3
                continue
            }
            if hasPrefix("<![CDATA[", at: i) {
                let contentStart = i + 9
                let end = try find("]]>", from: contentStart)
                if !stack.isEmpty {
                    pending.append(~Int32(texts.count))
                    texts.append(XText(range: contentStart..<end, isCDATA: true))
                }
                i = end + 3
                continue
            }
            if hasPrefix("<?", at: i) {
                i = try find("?>", from: i + 2) + 2
                continue
            }
            if hasPrefix("<!DOCTYPE", at: i) {
                i = try skipDoctype(from: i)
                continue
            }
            if rootClosed { throw fail(.malformed, "content after the root element") }
            let tag = try scanStartTag()
            let index = Int32(elements.count)
            let empty = Int32(children.count)
            elements.append(
                XMLNodeStore.Element(
                    name: tag.name, localName: tag.localName, namespace: tag.namespace, end: index + 1,
                    firstAttribute: tag.attributes.lowerBound, attributeEnd: tag.attributes.upperBound,
                    firstChild: empty, childEnd: empty, start: tag.start, stop: i))
            if stack.isEmpty {
                root = index
            } else {
                pending.append(index)
            }
            if tag.selfClosing {
                bindings.removeLast(bindings.count - tag.bindingsMark)
                if stack.isEmpty { rootClosed = true }
            } else {
                if stack.count >= maxDepth {
                    throw fail(.limit, "elements nested deeper than \(maxDepth) levels", at: tag.start)
                }
                stack.append(OpenElement(index: index, pendingMark: pending.count, bindingsMark: tag.bindingsMark))
            }
        }
        if let open = stack.last {
            let element = elements[Int(open.index)]
            throw fail(.malformed, "element <\(names.names[Int(element.name)])> is not closed", at: element.start)
        }
        guard rootClosed else { throw fail(.malformed, "no root element", at: 0) }
        let store = XMLNodeStore(
            elements: elements, children: children, texts: texts, attributes: attributes, names: names.names)
        return XElement(store, root)
    }

    // MARK: Tags

    private static func isNameEnd(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x2F || c == 0x3E || c == 0x3D
    }

    private mutating func scanStartTag() throws(XMLParseError) -> StartTag {
        let start = i
        i += 1
        let nameStart = i
        var colon = -1
        while i < p.count, !Self.isNameEnd(p[i]) {
            if p[i] == 0x3A, colon < 0 { colon = i }
            i += 1
        }
        guard i > nameStart else { throw fail(.malformed, "expected an element name") }
        let nameEnd = i
        let name = names.intern(UnsafeBufferPointer(rebasing: p[nameStart..<nameEnd]))
        let firstAttribute = Int32(attributes.count)
        let mark = bindings.count
        var selfClosing = false
        while true {
            skipWhitespace()
            guard i < p.count else {
                throw fail(.malformed, "unterminated start tag <\(names.names[Int(name)])>", at: start)
            }
            if p[i] == 0x3E {
                i += 1
                break
            }
            if p[i] == 0x2F {
                guard i + 1 < p.count, p[i + 1] == 0x3E else { throw fail(.malformed, "expected '>' after '/'") }
                i += 2
                selfClosing = true
                break
            }
            let attributeStart = i
            while i < p.count, !Self.isNameEnd(p[i]) { i += 1 }
            guard i > attributeStart else { throw fail(.malformed, "expected an attribute name") }
            let attributeBytes = attributeStart..<i
            let attributeIndex = names.intern(UnsafeBufferPointer(rebasing: p[attributeBytes]))
            let attributeName = names.names[Int(attributeIndex)]
            skipWhitespace()
            guard i < p.count, p[i] == 0x3D else {
                throw fail(.malformed, "expected '=' after attribute \(attributeName)")
            }
            i += 1
            skipWhitespace()
            guard i < p.count, p[i] == 0x22 || p[i] == 0x27 else { throw fail(.malformed, "expected a quoted value") }
            let quote = p[i]
            i += 1
            let valueStart = i
            var needsDecoding = false
            while i < p.count, p[i] != quote {
                let c = p[i]
                if c == 0x26 || c == 0x0A || c == 0x0D || c == 0x09 { needsDecoding = true }
                i += 1
            }
            guard i < p.count else { throw fail(.malformed, "unterminated attribute value", at: valueStart) }
            let valueRange = valueStart..<i
            i += 1
            let value =
                needsDecoding
                ? try decodeAttributeValue(valueRange)
                : String(decoding: UnsafeBufferPointer(rebasing: p[valueRange]), as: UTF8.self)
            if hasPrefix("xmlns", at: attributeStart) {
                let length = attributeBytes.count
                if length == 5 {
                    bindings.append((attributeStart..<attributeStart, value.isEmpty ? -1 : names.intern(value)))
                } else if length >= 6, p[attributeStart + 5] == 0x3A {
                    bindings.append(
                        ((attributeStart + 6)..<attributeBytes.upperBound, value.isEmpty ? -1 : names.intern(value)))
                }
            }
            attributes.append(XAttribute(name: attributeName, value: value, valueRange: valueRange))
        }
        let localName: Int32
        let prefix: Range<Int>
        if colon >= 0 {
            prefix = nameStart..<colon
            localName = names.intern(UnsafeBufferPointer(rebasing: p[(colon + 1)..<nameEnd]))
        } else {
            prefix = nameStart..<nameStart
            localName = name
        }
        var namespace: Int32 = -1
        for binding in bindings.reversed() where binding.prefix.count == prefix.count {
            if prefix.isEmpty || p[binding.prefix].elementsEqual(p[prefix]) {
                namespace = binding.uri
                break
            }
        }
        return StartTag(
            name: name, localName: localName, namespace: namespace,
            attributes: firstAttribute..<Int32(attributes.count), start: start, selfClosing: selfClosing,
            bindingsMark: mark)
    }

    private mutating func decodeAttributeValue(_ range: Range<Int>) throws(XMLParseError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let c = p[k]
            if c == 0x26 {
                let (scalar, end) = try reference(at: k, limit: range.upperBound)
                out.append(contentsOf: Array(String(scalar).utf8))
                k = end
            } else {
                out.append(c == 0x0A || c == 0x0D || c == 0x09 ? 0x20 : c)
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Character data

    private mutating func scanText() throws(XMLParseError) -> XText {
        let start = i
        var replacements: [XReplacement] = []
        // The text runs to the next '<'; a reference cannot hold one.
        var stop = nextByte(0x3C, from: i, before: p.count)
        while true {
            i = nextByte(0x26, from: i, before: stop)
            guard i < stop else { break }
            let (scalar, end) = try reference(at: i, limit: p.count)
            replacements.append(XReplacement(range: i..<end, scalar: scalar))
            i = end
            if i > stop { stop = nextByte(0x3C, from: i, before: p.count) }
        }
        return XText(range: start..<i, replacements: replacements)
    }

    /// Decodes the reference starting with `&` at `start`; returns the scalar and the offset past `;`.
    private func reference(at start: Int, limit: Int) throws(XMLParseError) -> (Unicode.Scalar, Int) {
        var k = start + 1
        while k < limit, k - start <= 12, p[k] != 0x3B { k += 1 }
        guard k < limit, p[k] == 0x3B else { throw fail(.malformed, "'&' does not start a reference", at: start) }
        let body = UnsafeBufferPointer(rebasing: p[(start + 1)..<k])
        let end = k + 1
        if body.first == 0x23 {  // '#'
            var value: UInt32 = 0
            var digits = body.dropFirst()
            var radix: UInt32 = 10
            if digits.first == 0x78 {
                radix = 16
                digits = digits.dropFirst()
            }  // 'x'
            guard !digits.isEmpty else { throw fail(.malformed, "empty character reference", at: start) }
            for d in digits {
                let digit: UInt32
                switch d {
                case 0x30...0x39: digit = UInt32(d - 0x30)
                case 0x61...0x66 where radix == 16: digit = UInt32(d - 0x61 + 10)
                case 0x41...0x46 where radix == 16: digit = UInt32(d - 0x41 + 10)
                default: throw fail(.malformed, "bad character reference", at: start)
                }
                value = value &* radix &+ digit
                if value > 0x10FFFF { throw fail(.malformed, "character reference out of range", at: start) }
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw fail(.malformed, "character reference to a surrogate", at: start)
            }
            return (scalar, end)
        }
        switch String(decoding: body, as: UTF8.self) {
        case "lt": return ("<", end)
        case "gt": return (">", end)
        case "amp": return ("&", end)
        case "quot": return ("\"", end)
        case "apos": return ("'", end)
        case let other:
            throw fail(
                .forbidden,
                "undeclared entity &\(other); (rxfacts reads no DTD; only the five XML entities and character references are allowed)",
                at: start)
        }
    }

    // MARK: Helpers

    /// Offset of the first `byte` in `offset..<limit`, or `limit` (memchr reads many bytes at a time).
    private func nextByte(_ byte: UInt8, from offset: Int, before limit: Int) -> Int {
        guard offset < limit, let base = p.baseAddress else { return max(offset, limit) }
        guard let found = memchr(base + offset, Int32(byte), limit - offset) else { return limit }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private mutating func skipWhitespace() {
        while i < p.count {
            let c = p[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    private func hasPrefix(_ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= p.count else { return false }
        let start = literal.utf8Start
        for k in 0..<count where p[offset + k] != start[k] { return false }
        return true
    }

    /// Offset of the next occurrence of `literal` at or after `offset`.
    private func find(_ literal: StaticString, from offset: Int) throws(XMLParseError) -> Int {
        let count = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var k = offset
        while k + count <= p.count {
            if p[k] == first, hasPrefix(literal, at: k) { return k }
            k += 1
        }
        throw fail(.malformed, "unexpected end of document: missing \"\(literal)\"", at: p.count)
    }
}
