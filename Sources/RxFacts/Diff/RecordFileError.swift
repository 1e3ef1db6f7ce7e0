/// A record file (JSON Lines of `rxfacts/1` records) that cannot be read.
///
/// Its description has the compiler shape `path:line:column: reason` so editors can jump to it.
public struct RecordFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// 1-based line of the bad record, when the problem is in one line.
    public var line: Int?
    public var column: Int?
    public var reason: String

    public init(path: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(reason)"
    }
}
