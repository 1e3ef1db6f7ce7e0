internal import CLibPQ
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A connection to a PostgreSQL server through libpq: the only Swift that touches `PGconn` pointers.
///
/// Statements are prepared once per connection (`PQprepare`) and run with text-format parameters
/// (`PQexecPrepared`); `?` placeholders become `$1, $2, …`.
public final class PostgresConnection: SQLConnection {
    public let dialect = SQLDialect.postgres
    private let conn: OpaquePointer
    /// libpq's functions (loaded at the first connection).
    private let pq: LibPQ
    /// Prepared statement name by SQL text.
    private var statements: [String: String] = [:]

    /// The libpq version, e.g. 150018 for 15.18.
    /// 0 when libpq cannot be loaded.
    public static var libraryVersion: Int { (try? LibPQ.shared.get()).map { Int($0.libVersion()) } ?? 0 }

    /// Connects with a libpq connection string or URI (`postgres://user@host:port/db`).
    public init(url: String) throws(DatabaseError) {
        let pq = try LibPQ.shared.get()
        self.pq = pq
        guard let handle = pq.connectdb(url) else {
            throw DatabaseError(engine: "postgres", code: "connect", message: "out of memory")
        }
        guard pq.status(handle) == CONNECTION_OK else {
            let message = Self.text(pq.errorMessage(handle)).trimmingTrailingNewlines()
            pq.finish(handle)
            throw DatabaseError(
                engine: "postgres", code: "connect", message: "cannot connect to \(Self.redacted(url)): \(message)")
        }
        conn = handle
        // Keep NOTICEs ("relation already exists, skipping") off the user's terminal.
        try execute("SET client_min_messages = warning")
    }

    deinit { pq.finish(conn) }

    @discardableResult
    public func execute(_ sql: String, _ parameters: [SQLValue]) throws(DatabaseError) -> Int {
        try run(sql, parameters) { result in
            Int(Self.text(pq.cmdTuples(result))) ?? 0
        }
    }

    public func query(_ sql: String, _ parameters: [SQLValue]) throws(DatabaseError) -> [[SQLValue]] {
        try run(sql, parameters) { result in
            let rowCount = pq.ntuples(result)
            let columnCount = pq.nfields(result)
            var rows: [[SQLValue]] = []
            rows.reserveCapacity(Int(rowCount))
            for row in 0..<rowCount {
                var values: [SQLValue] = []
                values.reserveCapacity(Int(columnCount))
                for column in 0..<columnCount {
                    if pq.getisnull(result, row, column) != 0 {
                        values.append(.null)
                        continue
                    }
                    let text = Self.text(pq.getvalue(result, row, column))
                    switch pq.ftype(result, column) {
                    case 16: values.append(.bool(text == "t"))  // bool
                    case 20, 21, 23: values.append(Int64(text).map(SQLValue.integer) ?? .text(text))  // int8/2/4
                    case 700, 701: values.append(Double(text).map(SQLValue.real) ?? .text(text))  // float4/8
                    default: values.append(.text(text))
                    }
                }
                rows.append(values)
            }
            return rows
        }
    }

    public func executeScript(_ sql: String) throws(DatabaseError) {
        guard let result = pq.exec(conn, sql) else { throw connectionError(sql) }
        defer { pq.clear(result) }
        try check(result, sql)
    }

    /// Prepares `sql` once, runs it with `parameters`, and hands the result to `read` before freeing it.
    private func run<T>(
        _ sql: String, _ parameters: [SQLValue], _ read: (OpaquePointer) -> T
    ) throws(DatabaseError) -> T {
        let name = try prepare(sql)
        // Text-format parameters: libpq reads NUL-terminated strings, kept alive for the call.
        var buffers: [UnsafeMutablePointer<CChar>?] = []
        buffers.reserveCapacity(parameters.count)
        defer { for buffer in buffers { free(buffer) } }
        for value in parameters {
            switch value {
            case .null: buffers.append(nil)
            case .integer(let i): buffers.append(strdup(String(i)))
            case .real(let d): buffers.append(strdup(String(d)))
            case .bool(let b): buffers.append(strdup(b ? "t" : "f"))
            case .text(let s):
                guard !s.utf8.contains(0) else {
                    throw DatabaseError(
                        engine: "postgres", code: "22021",
                        message: "text value contains a NUL byte, which PostgreSQL cannot store", sql: sql)
                }
                buffers.append(strdup(s))
            }
        }
        let result = buffers.withUnsafeBufferPointer { pointers in
            pointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { values in
                pq.execPrepared(conn, name, Int32(parameters.count), values.baseAddress, nil, nil, 0)
            }
        }
        guard let result else { throw connectionError(sql) }
        defer { pq.clear(result) }
        try check(result, sql)
        return read(result)
    }

    private func prepare(_ sql: String) throws(DatabaseError) -> String {
        if let name = statements[sql] { return name }
        let name = "rx\(statements.count + 1)"
        let (text, count) = Self.numberPlaceholders(sql)
        guard let result = pq.prepare(conn, name, text, Int32(count), nil) else { throw connectionError(sql) }
        defer { pq.clear(result) }
        try check(result, sql)
        statements[sql] = name
        return name
    }

    private func check(_ result: OpaquePointer, _ sql: String) throws(DatabaseError) {
        let status = pq.resultStatus(result)
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK, status != PGRES_EMPTY_QUERY else { return }
        let sqlState = pq.resultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? "?????"
        let message = Self.text(pq.resultErrorMessage(result)).trimmingTrailingNewlines()
        throw DatabaseError(engine: "postgres", code: sqlState, message: message, sql: sql)
    }

    /// A C string libpq returned, "" for none.
    private static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func connectionError(_ sql: String) -> DatabaseError {
        DatabaseError(
            engine: "postgres", code: "connection",
            message: Self.text(pq.errorMessage(conn)).trimmingTrailingNewlines(), sql: sql)
    }

    /// `?` → `$1, $2, …` outside quoted strings and identifiers; returns the text and the count.
    static func numberPlaceholders(_ sql: String) -> (String, Int) {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var count = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                output.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                output.append(character)
            } else if character == "?" {
                count += 1
                output += "$\(count)"
            } else {
                output.append(character)
            }
        }
        return (output, count)
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        let characters = Array(url)
        guard
            let schemeEnd = (0..<max(0, characters.count - 2)).first(where: {
                characters[$0] == ":" && characters[$0 + 1] == "/" && characters[$0 + 2] == "/"
            })
        else { return url }
        let userStart = schemeEnd + 3
        guard let at = characters[userStart...].firstIndex(of: "@"),
            let colon = characters[userStart..<at].firstIndex(of: ":")
        else { return url }
        return String(characters[..<colon]) + ":***" + String(characters[at...])
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
