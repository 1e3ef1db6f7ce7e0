/// A value bound to, or read from, an SQL statement. The same values travel to SQLite and PostgreSQL.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bool(Bool)

    public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    public init(_ value: Int) { self = .integer(Int64(value)) }

    /// The text, or nil for anything else.
    public var text: String? { if case .text(let s) = self { s } else { nil } }

    /// The integer (booleans read as 0/1, SQLite's spelling), or nil for anything else.
    public var integer: Int64? {
        switch self {
        case .integer(let i): i
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    /// The boolean (integers 0/1 read as booleans, SQLite's spelling), or nil for anything else.
    public var bool: Bool? {
        switch self {
        case .bool(let b): b
        case .integer(let i): i != 0
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .text(let s): s
        case .bool(let b): b ? "true" : "false"
        }
    }
}
