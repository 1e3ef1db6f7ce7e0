import RxXML

/// Builds the text of a JSON ePI leaflet: headings from decoded JSON strings, section bodies
/// from XHTML `div` strings flattened by `XMLTextFlattener`, blocks separated by a blank line.
/// `map` sends every text byte to the JSON source bytes it came from.
struct EPIJSONTextBuilder {
    let source: [UInt8]
    let path: String
    let limits: XMLLimits
    private(set) var text: [UInt8] = []
    private(set) var map = OffsetMap()
    private var pendingBreak = false
    private var breakSource = 0

    init(source: [UInt8], path: String, limits: XMLLimits) {
        self.source = source
        self.path = path
        self.limits = limits
    }

    /// Asks for a blank line before the next content.
    mutating func requestBreak() {
        pendingBreak = !text.isEmpty
    }

    /// Writes a pending blank line (mapped to an empty range at `at`); returns the text offset.
    mutating func commitBreak(at sourceOffset: Int) -> Int {
        if pendingBreak {
            var trailing = 0
            var k = text.count - 1
            while k >= 0, text[k] == 0x0A, trailing < 2 {
                trailing += 1
                k -= 1
            }
            if trailing < 2 {
                text.append(contentsOf: repeatElement(0x0A, count: 2 - trailing))
                map.replace(sourceStart: sourceOffset, sourceCount: 0, outputCount: 2 - trailing)
            }
            pendingBreak = false
        }
        return text.count
    }

    /// Appends a JSON string (content range) as one heading line, whitespace collapsed.
    mutating func appendHeading(_ range: Range<Int>, escaped: Bool) {
        let decoded = JSONStringDecoder.decode(source, range)
        // Collapse whitespace runs to one space and trim, as a map from line bytes to decoded bytes.
        var line: [UInt8] = []
        var lineMap = OffsetMap()
        var k = 0
        let bytes = decoded.bytes
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        while k < bytes.count {
            if isSpace(bytes[k]) {
                let start = k
                while k < bytes.count, isSpace(bytes[k]) { k += 1 }
                guard !line.isEmpty, k < bytes.count else { continue }
                line.append(0x20)
                if k - start == 1, bytes[start] == 0x20 {
                    lineMap.copy(sourceStart: start, count: 1)
                } else {
                    lineMap.replace(sourceStart: start, sourceCount: k - start, outputCount: 1)
                }
                continue
            }
            let start = k
            while k < bytes.count, !isSpace(bytes[k]) { k += 1 }
            line.append(contentsOf: bytes[start..<k])
            lineMap.copy(sourceStart: start, count: k - start)
        }
        guard !line.isEmpty else { return }
        if !text.isEmpty { pendingBreak = true }
        _ = commitBreak(at: range.lowerBound)
        text.append(contentsOf: line)
        map.append(lineMap, through: decoded.map)
        pendingBreak = true
    }

    /// Decodes a `text.div` JSON string, reads it as XHTML and appends its flattened text.
    mutating func appendDiv(_ range: Range<Int>) throws(InputError) {
        let decoded = JSONStringDecoder.decode(source, range)
        let tree: XMLTree
        do {
            tree = try XMLReader(limits: limits).read(decoded.bytes)
        } catch {
            // Point at the JSON bytes the XHTML error sits in.
            let divOffset = Self.offset(line: error.line, column: error.column, in: decoded.bytes)
            let fileOffset = decoded.map.sourceStart(of: min(divOffset, max(0, decoded.bytes.count - 1)))
            let (line, column) = TextPosition.lineAndColumn(
                of: decoded.bytes.isEmpty ? range.lowerBound : fileOffset, in: source)
            let kind: InputError.Kind = error.kind == .encoding ? .encoding : .malformedXML
            throw InputError(
                kind, path: path, line: line, column: column, reason: "XHTML in text.div: \(error.message)")
        }
        var flattener = XMLTextFlattener(bytes: tree.bytes)
        flattener.appendContent(of: tree.root)
        guard !flattener.text.isEmpty else { return }
        _ = commitBreak(at: range.lowerBound)
        text.append(contentsOf: flattener.text)
        map.append(flattener.map, through: decoded.map)
        pendingBreak = true
    }

    /// Byte offset of a 1-based line and byte column.
    private static func offset(line: Int, column: Int, in bytes: [UInt8]) -> Int {
        var currentLine = 1
        var k = 0
        while k < bytes.count, currentLine < line {
            if bytes[k] == 0x0A { currentLine += 1 }
            k += 1
        }
        return min(bytes.count, k + max(0, column - 1))
    }
}
