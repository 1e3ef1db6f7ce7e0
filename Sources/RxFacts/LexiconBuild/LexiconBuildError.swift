/// An error while reading a vocabulary table or a lexicon file, with the file and line it concerns.
public struct LexiconBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the problem is in.
    public var path: String
    /// 1-based line number, when the problem is in one line.
    public var line: Int?
    /// 1-based column (field number for tables, byte column for lexicon lines), when known.
    public var column: Int?
    /// What was wrong and what was expected.
    public var reason: String

    public init(path: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var place = path
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(reason)"
    }
}
