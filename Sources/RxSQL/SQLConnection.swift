/// An open connection to one database. Statements use `?` placeholders and bound values only;
/// connections translate placeholders to their engine's spelling and cache prepared statements.
///
/// A connection is used by one thread at a time (it is not `Sendable`).
public protocol SQLConnection: AnyObject {
    var dialect: SQLDialect { get }

    /// Runs one statement; returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ parameters: [SQLValue]) throws(DatabaseError) -> Int

    /// Runs one statement and returns its rows, each as values in column order.
    func query(_ sql: String, _ parameters: [SQLValue]) throws(DatabaseError) -> [[SQLValue]]

    /// Runs several `;`-separated statements without parameters (schema DDL).
    func executeScript(_ sql: String) throws(DatabaseError)
}

extension SQLConnection {
    @discardableResult
    public func execute(_ sql: String) throws(DatabaseError) -> Int { try execute(sql, []) }

    public func query(_ sql: String) throws(DatabaseError) -> [[SQLValue]] { try query(sql, []) }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// SQLite takes the write lock at once (`BEGIN IMMEDIATE`) so two writers never deadlock.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN")
        let result: T
        do {
            result = try body()
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
        return result
    }
}
