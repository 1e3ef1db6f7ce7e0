/// The safe entry point to XML: hardened libxml2 validation, then an exact-offset tree.
///
/// `read` runs four checks in order — size limit, encoding and DOCTYPE preflight (no entity
/// declarations), libxml2's parser with hardened options (well-formedness), rxfacts' scanner
/// (depth limit, tree with byte offsets) — and throws `XMLParseError` with line and column on
/// the first failure.
public struct XMLReader: Sendable {
    public var limits: XMLLimits

    public init(limits: XMLLimits = .default) {
        self.limits = limits
    }

    /// Parses `bytes` into a tree whose ranges are byte offsets of `bytes`.
    public func read(_ bytes: [UInt8]) throws(XMLParseError) -> XMLTree {
        let root = try bytes.withUnsafeBufferPointer { (buffer) throws(XMLParseError) -> XElement in
            try check(buffer)
            var scanner = XMLScanner(buffer, maxDepth: limits.maxDepth)
            return try scanner.scanDocument()
        }
        return XMLTree(bytes: bytes, root: root)
    }

    /// Only the checks (size, preflight, libxml2), no tree and no depth limit. For benchmarks.
    public func validate(_ bytes: [UInt8]) throws(XMLParseError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(XMLParseError) in try check(buffer) }
    }

    /// Only rxfacts' scanner, without libxml2. For benchmarks; never use on untrusted input alone.
    public func scanWithoutValidation(_ bytes: [UInt8]) throws(XMLParseError) -> XMLTree {
        let root = try bytes.withUnsafeBufferPointer { (buffer) throws(XMLParseError) -> XElement in
            var scanner = XMLScanner(buffer, maxDepth: limits.maxDepth)
            return try scanner.scanDocument()
        }
        return XMLTree(bytes: bytes, root: root)
    }

    private func check(_ buffer: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        if buffer.count > limits.maxInputBytes {
            throw XMLParseError(
                .limit, line: 1, column: 1,
                message: "document is \(buffer.count) bytes, over the \(limits.maxInputBytes)-byte limit")
        }
        var scanner = XMLScanner(buffer, maxDepth: limits.maxDepth)
        try scanner.preflight()
        try scanner.checkAttributeCounts(maximum: limits.maxAttributesPerElement)
        do {
            try LibXML2Validator.validate(buffer)
        } catch {
            throw Self.explainTruncation(error, buffer: buffer, maxDepth: limits.maxDepth)
        }
    }

    /// libxml2 (fed the whole buffer as one terminated chunk) reports a file cut short as "Extra
    /// content at the end of the document" at its last byte; say what is really wrong, using the
    /// scanner's view of it.
    private static func explainTruncation(
        _ error: XMLParseError, buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int
    ) -> XMLParseError {
        guard error.message.hasPrefix("Extra content at the end of the document") else { return error }
        let end = XMLParseError.position(of: buffer.count, in: buffer)
        guard error.line == end.line else { return error }
        var scanner = XMLScanner(buffer, maxDepth: maxDepth)
        do {
            _ = try scanner.scanDocument()
            return error
        } catch {
            return XMLParseError(
                .malformed, line: end.line, column: end.column,
                message: "document ends before it is complete (truncated file?): \(error.message)")
        }
    }

    /// Local name and namespace URI of the root element, from the prolog and first tag only.
    /// Nil when the bytes do not start like XML. Does not validate.
    public static func sniffRoot(_ bytes: [UInt8]) -> (localName: String, namespace: String?)? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer, maxDepth: 1)
            return scanner.sniffRoot()
        }
    }
}
