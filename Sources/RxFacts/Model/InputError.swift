/// Why an input could not become a record. Every input ends as a record or as one of these.
public struct InputError: LocatedError, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The path does not exist or cannot be opened.
        case unreadable
        /// The file holds no bytes, or no text after ingest.
        case empty
        /// Bytes that are not valid UTF-8 (or a declared encoding that cannot be decoded).
        case encoding
        /// XML that is malformed, truncated, hostile (entities, DTDs) or over a limit.
        case malformedXML = "malformed-xml"
        /// JSON (FHIR ePI) that is malformed, truncated or over a limit.
        case malformedJSON = "malformed-json"
        /// A format rxfacts does not read.
        case unsupportedFormat = "unsupported-format"
        /// A pipeline, lexicon or rule file that cannot be used.
        case configuration
    }

    public var kind: Kind
    public var path: String
    /// 1-based line and column where the problem is, when known.
    public var line: Int?
    public var column: Int?
    public var reason: String

    public init(_ kind: Kind, path: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
    }
}
