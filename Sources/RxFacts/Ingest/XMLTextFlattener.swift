import RxXML

/// Turns XML content (SPL `<text>`, XHTML `<div>`, any element) into readable UTF-8 text
/// plus an `OffsetMap` back to the XML file's bytes.
///
/// Layout: blocks (paragraphs, captions, headings, lists, tables) are separated by a blank
/// line; list items, table rows and `<br/>` start a new line; table cells are joined with
/// `" | "`. Runs of XML whitespace collapse to one space. Copied text maps byte for byte to
/// the text node it came from; entities map to their reference; inserted newlines and
/// separators map to an empty source range at the markup that caused them.
struct XMLTextFlattener {
    let bytes: [UInt8]
    private(set) var text: [UInt8] = []
    private(set) var map = OffsetMap()

    private var pendingBreak = 0
    private var breakSource = 0
    private var pendingSpace: Range<Int>?
    private var pendingSeparator: Int?
    private var cellIndex = 0
    private var cellDepth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        text.reserveCapacity(bytes.count / 2)
    }

    private enum Role { case block, line, cell, lineBreak, inline, skip }

    /// Roles by local name (`XElement.localNameKey`) for the document of `rolesDocument`: a label
    /// names a few dozen elements thousands of times.
    private var roles: [Role?] = []
    private var rolesDocument: ObjectIdentifier?

    private mutating func role(of element: XElement) -> Role {
        if rolesDocument != element.document {
            roles.removeAll()
            rolesDocument = element.document
        }
        let key = element.localNameKey
        if key < roles.count, let role = roles[key] { return role }
        let role = Self.role(of: element.localName)
        if key >= roles.count { roles.append(contentsOf: repeatElement(nil, count: key + 1 - roles.count)) }
        roles[key] = role
        return role
    }

    private static func role(of localName: String) -> Role {
        switch localName {
        case "paragraph", "p", "div", "caption", "footnote", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "list", "ul", "ol", "dl", "section", "header", "footer",
            "figure", "figcaption":
            return .block
        case "item", "li", "tr", "dt", "dd":
            return .line
        case "td", "th":
            return .cell
        case "br":
            return .lineBreak
        case "renderMultiMedia", "script", "style", "col", "colgroup", "img", "observationMedia":
            return .skip
        default:
            return .inline
        }
    }

    // MARK: Public operations

    /// Appends `element`'s content with block layout.
    mutating func appendContent(of element: XElement) {
        appendChildren(of: element, inline: false)
    }

    /// Appends `element`'s content with block layout, without the child elements for which
    /// `leavingOut` is true (a section's heading and subsections, written apart).
    mutating func appendContent(of element: XElement, leavingOut: (XElement) -> Bool) {
        for child in element.children {
            switch child {
            case .text(let node): appendText(node)
            case .element(let e): if !leavingOut(e) { appendElement(e, inline: false) }
            }
        }
    }

    /// Appends `element`'s text as one line (a heading): all markup inline, then a blank line.
    /// Starts a section: its heading on a line of its own (or a paragraph break where it has
    /// none or an empty one); returns the text offset where the section's text begins.
    mutating func beginSection(heading: XElement?, isEmpty: Bool, at sectionStart: Int) -> Int {
        if let heading, !isEmpty { appendHeading(heading) } else { requestBreak(2, at: sectionStart) }
        return commitBreak()
    }

    /// `beginSection` for a heading held in an attribute (FHIR `section/title/@value`).
    mutating func beginSection(heading: XAttribute?, isEmpty: Bool, at sectionStart: Int) -> Int {
        if let heading, !isEmpty { appendHeading(heading) } else { requestBreak(2, at: sectionStart) }
        return commitBreak()
    }

    mutating func appendHeading(_ element: XElement) {
        requestBreak(2, at: element.range.lowerBound)
        appendChildren(of: element, inline: true)
        requestBreak(2, at: element.range.upperBound)
    }

    /// Appends an attribute value (FHIR `title value="…"`) as a heading line.
    mutating func appendHeading(_ attribute: XAttribute) {
        requestBreak(2, at: attribute.valueRange.lowerBound)
        appendAttributeValue(attribute)
        requestBreak(2, at: attribute.valueRange.upperBound)
    }

    /// Appends an attribute value inline.
    mutating func appendAttributeValue(_ attribute: XAttribute) {
        let range = attribute.valueRange
        if bytes[range].contains(0x26) {
            let decoded = Array(attribute.value.utf8)
            guard !decoded.isEmpty else { return }
            flushPending()
            text.append(contentsOf: decoded)
            map.replace(sourceStart: range.lowerBound, sourceCount: range.count, outputCount: decoded.count)
        } else {
            appendSourceRun(range)
        }
    }

    /// Asks for `newlines` line feeds (1: new line, 2: blank line) before the next content.
    mutating func requestBreak(_ newlines: Int, at source: Int) {
        guard !text.isEmpty else { return }
        if pendingBreak == 0 { breakSource = source }
        pendingBreak = max(pendingBreak, newlines)
    }

    /// Writes any pending break now and returns the text offset where the next content starts.
    mutating func commitBreak() -> Int {
        if pendingBreak > 0 {
            writeBreak()
        }
        pendingSpace = nil
        pendingSeparator = nil
        return text.count
    }

    // MARK: Walking

    private mutating func appendChildren(of element: XElement, inline: Bool) {
        for child in element.children {
            switch child {
            case .text(let node): appendText(node)
            case .element(let e): appendElement(e, inline: inline)
            }
        }
    }

    private mutating func appendElement(_ e: XElement, inline: Bool) {
        let role = role(of: e)
        if role == .skip { return }
        if inline || (cellDepth > 0 && role != .cell) {
            if role == .inline {
                appendChildren(of: e, inline: inline)
            } else {
                noteSpace(e.range.lowerBound..<e.range.lowerBound)
                appendChildren(of: e, inline: inline)
                noteSpace(e.range.upperBound..<e.range.upperBound)
            }
            return
        }
        switch role {
        case .block:
            requestBreak(2, at: e.range.lowerBound)
            appendChildren(of: e, inline: false)
            requestBreak(2, at: e.range.upperBound)
        case .line:
            requestBreak(1, at: e.range.lowerBound)
            let savedCellIndex = cellIndex
            cellIndex = 0
            appendChildren(of: e, inline: false)
            cellIndex = savedCellIndex
            requestBreak(1, at: e.range.upperBound)
        case .cell:
            if cellIndex > 0, pendingSeparator == nil { pendingSeparator = e.range.lowerBound }
            cellIndex += 1
            cellDepth += 1
            appendChildren(of: e, inline: false)
            cellDepth -= 1
        case .lineBreak:
            requestBreak(1, at: e.range.lowerBound)
        case .inline:
            appendChildren(of: e, inline: false)
        case .skip:
            break
        }
    }

    private mutating func appendText(_ node: XText) {
        node.forEachRun(
            copy: { appendSourceRun($0) },
            replace: { replacement in
                let scalar = replacement.scalar
                if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                    noteSpace(replacement.range)
                    return
                }
                flushPending()
                let utf8 = Array(String(scalar).utf8)
                text.append(contentsOf: utf8)
                map.replace(
                    sourceStart: replacement.range.lowerBound, sourceCount: replacement.range.count,
                    outputCount: utf8.count)
            })
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Copies source bytes, collapsing whitespace runs. Single spaces between words are kept
    /// inside the copied chunk, so ordinary prose is copied in long runs.
    private mutating func appendSourceRun(_ range: Range<Int>) {
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
            if Self.isSpace(bytes[k]) {
                let start = k
                while k < end, Self.isSpace(bytes[k]) { k += 1 }
                noteSpace(start..<k)
                continue
            }
            let start = k
            while k < end {
                let b = bytes[k]
                // Most bytes are no space at all: one test.
                if b > 0x20 {
                    k += 1
                    continue
                }
                if Self.isSpace(b) {
                    // A lone ' ' followed by a word stays in the chunk; anything else ends it.
                    guard b == 0x20, k + 1 < end, !Self.isSpace(bytes[k + 1]) else { break }
                }
                k += 1
            }
            flushPending()
            text.append(contentsOf: bytes[start..<k])
            map.copy(sourceStart: start, count: k - start)
        }
    }

    private mutating func noteSpace(_ range: Range<Int>) {
        if pendingSpace == nil { pendingSpace = range }
    }

    private var atLineStart: Bool { text.isEmpty || text[text.count - 1] == 0x0A }

    private mutating func writeBreak() {
        var trailing = 0
        var k = text.count - 1
        while k >= 0, text[k] == 0x0A, trailing < pendingBreak {
            trailing += 1
            k -= 1
        }
        let needed = text.isEmpty ? 0 : pendingBreak - trailing
        if needed > 0 {
            text.append(contentsOf: repeatElement(0x0A, count: needed))
            map.replace(sourceStart: breakSource, sourceCount: 0, outputCount: needed)
        }
        pendingBreak = 0
    }

    private mutating func flushPending() {
        if pendingBreak > 0 {
            writeBreak()
            pendingSpace = nil
            pendingSeparator = nil
        }
        if let separator = pendingSeparator {
            if !atLineStart {
                text.append(contentsOf: [0x20, 0x7C, 0x20])
                map.replace(sourceStart: separator, sourceCount: 0, outputCount: 3)
            }
            pendingSeparator = nil
            pendingSpace = nil
        } else if let space = pendingSpace {
            if !atLineStart {
                text.append(0x20)
                if space.count == 1, bytes[space.lowerBound] == 0x20 {
                    map.copy(sourceStart: space.lowerBound, count: 1)
                } else {
                    map.replace(sourceStart: space.lowerBound, sourceCount: space.count, outputCount: 1)
                }
            }
            pendingSpace = nil
        }
    }
}
