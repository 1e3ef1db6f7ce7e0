/// Why an XML input was rejected, with the 1-based line and column where libxml2 or the
/// rxfacts scanner stopped (columns count bytes).
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// Not well-formed XML (libxml2 fatal error): truncated, mismatched tags, bad bytes.
        case malformed
        /// A DOCTYPE declaring entities (XXE, billion laughs) or an undeclared entity reference.
        case forbidden
        /// Over `XMLLimits` (size or depth).
        case limit
        /// Not UTF-8: UTF-16 byte-order mark or another declared encoding.
        case encoding
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ kind: Kind, line: Int, column: Int, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }

    /// Line and column (1-based, bytes) of `offset` in `bytes`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(max(offset, 0), bytes.count)
        var i = 0
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, end - lineStart + 1)
    }

    static func at(
        _ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ kind: Kind, _ message: String
    ) -> XMLParseError {
        let (line, column) = position(of: offset, in: bytes)
        return XMLParseError(kind, line: line, column: column, message: message)
    }
}
