/// A problem in a data file rxfacts reads — a record file (JSON Lines of `rxfacts/1` records),
/// a vocabulary table or a lexicon file — with the line and column it concerns when known.
public struct FileError: LocatedError, Sendable, Hashable {
    /// The file the problem is in.
    public var path: String
    /// 1-based line, when the problem is in one line.
    public var line: Int?
    /// 1-based column (byte column, or field number for tables), when known.
    public var column: Int?
    /// What was wrong and what was expected.
    public var reason: String

    public init(path: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
    }
}

/// A record file that cannot be read (`diff`, `eval`, `load`).
public typealias RecordFileError = FileError

/// A vocabulary table or lexicon file that cannot be used (`lexicon build`, `lexicon check`).
public typealias LexiconBuildError = FileError
