/// A database refused a connection or a statement.
public struct DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `sqlite` or `postgres`.
    public var engine: String
    /// SQLite's extended result code, or PostgreSQL's SQLSTATE (e.g. `23505` unique violation).
    public var code: String
    /// The engine's own message.
    public var message: String
    /// The statement that failed, when there was one.
    public var sql: String?

    public init(engine: String, code: String, message: String, sql: String? = nil) {
        self.engine = engine
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "\(engine) error \(code): \(message)"
        if let sql { text += " (in: \(sql.prefix(200)))" }
        return text
    }
}
