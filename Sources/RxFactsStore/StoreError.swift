import RxSQL

/// Why a load could not go on. Documents committed before the error stay loaded; a rerun
/// after fixing the cause completes the load without duplicating anything.
package enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--db` is not `sqlite:PATH` or `postgres://…`.
    case unsupportedURL(String, reason: String)
    /// An input file cannot be read.
    case unreadable(path: String, reason: String)
    /// A JSONL line is not an `rxfacts/1` record (1-based line and column).
    case badRecord(path: String, line: Int, column: Int, reason: String)
    /// The database refused a statement or a connection.
    case database(DatabaseError)
    /// The database was migrated by a newer rxfacts than this one.
    case schemaTooNew(found: Int, supported: Int)
    /// A record whose id (and version) the database already holds for a different document: another
    /// source with other content. It is refused rather than replacing that document; the load goes on.
    case idConflict(id: String, version: String, stored: String, arriving: String)
    /// A record with an empty document id; refused, the load goes on.
    case emptyId(source: String)

    /// The record is refused but the load can go on with the next one.
    package var refusesOnlyThisRecord: Bool {
        switch self {
        case .idConflict, .emptyId: true
        default: false
        }
    }

    package var description: String {
        switch self {
        case .unsupportedURL(let url, let reason):
            "unsupported database URL '\(url)': \(reason) (use sqlite:PATH or postgres://user@host:port/db)"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .badRecord(let path, let line, let column, let reason):
            "\(path):\(line):\(column): \(reason)"
        case .database(let error):
            error.description
        case .idConflict(let id, let version, let stored, let arriving):
            "\(arriving): refused: document id '\(id)'\(version.isEmpty ? "" : " version \(version)") is already stored for \(stored), a different document (other source, other content); give one of them another id (rxfacts extract --id, or walk their directory)"
        case .emptyId(let source):
            "\(source): refused: the record has an empty document id"
        case .schemaTooNew(let found, let supported):
            "the database has schema version \(found); this rxfacts knows versions up to \(supported): upgrade rxfacts"
        }
    }
}
