/// Where `rxfacts load` writes: an SQLite file or a PostgreSQL server.
package enum DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// `sqlite:PATH` (also `sqlite://PATH`); the file is created when missing.
    case sqlite(path: String)
    /// `postgres://user[:password]@host[:port]/db[?options]` (or `postgresql://`), handed to libpq as is.
    case postgres(url: String)

    package init(parsing text: String) throws(StoreError) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw .unsupportedURL(text, reason: "no file path after 'sqlite:'") }
            self = .sqlite(path: path)
        } else {
            throw .unsupportedURL(text, reason: "unknown scheme")
        }
    }

    package var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url
        }
    }
}
