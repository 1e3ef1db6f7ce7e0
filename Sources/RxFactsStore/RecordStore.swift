import Foundation
import RxFacts
import RxSQL

/// An rxfacts database (SQLite or PostgreSQL) that records are loaded into.
///
/// Guarantees: each record is written in one transaction; loading the same document version
/// again replaces its rows (or writes nothing when the record is unchanged); a newer version of
/// a document supersedes the older ones, which stay queryable (`is_current`, `superseded_by`).
/// A process killed mid-load leaves only whole documents behind, and a rerun completes the load.
package final class RecordStore {
    package let url: DatabaseURL
    package let connection: any SQLConnection
    private var insertStatements: [String: String] = [:]
    private let timestamp: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Opens (creating an SQLite file when missing) and migrates the database to the latest schema.
    package init(url: DatabaseURL) throws(StoreError) {
        self.url = url
        do {
            switch url {
            case .sqlite(let path): connection = try SQLiteConnection(path: path)
            case .postgres(let text): connection = try PostgresConnection(url: text)
            }
        } catch {
            throw .database(error)
        }
        try migrate()
    }

    package convenience init(url text: String) throws(StoreError) {
        try self.init(url: DatabaseURL(parsing: text))
    }

    // MARK: Schema

    /// The schema version the database is at.
    package func schemaVersion() throws(StoreError) -> Int {
        try store { () throws(DatabaseError) in
            Int(try connection.query("SELECT MAX(version) FROM schema_version").first?.first?.integer ?? 0)
        }
    }

    /// Applies the migrations the database lacks, each in the same transaction as its `schema_version` row.
    private func migrate() throws(StoreError) {
        do {
            try connection.transaction {
                if connection.dialect == .postgres {
                    // Two loaders starting at once must not both migrate, nor both create the
                    // first table: the lock comes before CREATE TABLE IF NOT EXISTS, which is not
                    // safe against a concurrent twin on PostgreSQL (23505 on pg_type).
                    _ = try connection.query("SELECT pg_advisory_xact_lock(7007001)")
                }
                try connection.executeScript(
                    """
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version INTEGER PRIMARY KEY,
                        description TEXT NOT NULL,
                        applied_at TEXT NOT NULL
                    )
                    """)
                let current = Int(
                    try connection.query("SELECT MAX(version) FROM schema_version").first?.first?.integer ?? 0)
                guard current <= Schema.latestVersion else {
                    throw StoreError.schemaTooNew(found: current, supported: Schema.latestVersion)
                }
                for migration in Schema.migrations where migration.version > current {
                    try connection.executeScript(migration.statements(connection.dialect))
                    try connection.execute(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                        [
                            .integer(Int64(migration.version)), .text(migration.description),
                            .text(timestamp.string(from: Date())),
                        ])
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .database(error)
        } catch {
            throw .database(DatabaseError(engine: connection.dialect.rawValue, code: "migrate", message: "\(error)"))
        }
    }

    // MARK: Loading

    /// Loads one record in one transaction.
    ///
    /// - Parameter fingerprint: identifies the record's content (unchanged reloads write nothing);
    ///   by default the FNV-1a 64 of its sorted-keys JSON. The loader passes the hash of the JSONL
    ///   line instead, which `rxfacts extract` writes deterministically.
    /// - Parameter beforeCommit: called after every row is written and before the commit;
    ///   a throw rolls the whole document back (used by tests to simulate a crash mid-document).
    @discardableResult
    package func load(
        _ record: Record, fingerprint: String? = nil, beforeCommit: (() throws -> Void)? = nil
    ) throws -> LoadOutcome {
        let info = record.document
        guard SourceInput.usableId(info.id) != nil else { throw StoreError.emptyId(source: info.source) }
        let version = info.version ?? ""
        let recordHash = try fingerprint ?? Self.fingerprint(encoder.encode(record))
        let loadedAt = timestamp.string(from: Date())
        do {
            return try connection.transaction { () throws -> LoadOutcome in
                if connection.dialect == .postgres {
                    // Serialize concurrent loads of the same document id (its version chain).
                    _ = try connection.query("SELECT pg_advisory_xact_lock(hashtext(?))", [.text(info.id)])
                }
                let existing = try connection.query(
                    "SELECT doc_key, record_hash, source, content_hash FROM documents WHERE id = ? AND version = ?",
                    [.text(info.id), .text(version)])
                // The same id from another file with other content is another document: refuse
                // it instead of replacing the stored one. Same source (an edited file) or same
                // content (a moved file) is the same document.
                if let row = existing.first, let storedSource = row[2].text, storedSource != info.source,
                    let storedHash = row[3].text, let arrivingHash = info.contentHash, storedHash != arrivingHash
                {
                    throw StoreError.idConflict(
                        id: info.id, version: version, stored: storedSource, arriving: info.source)
                }
                let documentValues: [SQLValue] = [
                    .text(info.source), .text(info.format), SQLValue(info.title), SQLValue(info.effectiveTime),
                    SQLValue(info.documentType), SQLValue(try info.sections.map { try json($0) }),
                    SQLValue(info.contentHash), .text(recordHash), .text(loadedAt),
                    SQLValue(record.provenance?.rxfacts), SQLValue(record.provenance?.pipeline),
                    SQLValue(record.provenance?.fingerprint),
                    SQLValue(try record.provenance?.vocabularies.map { try json($0) }),
                ]
                let documentKey: Int64
                let action: LoadOutcome.Action
                if let row = existing.first, let key = row[0].integer {
                    documentKey = key
                    if row[1].text == recordHash {
                        try beforeCommit?()
                        let isCurrent =
                            try connection.query(
                                "SELECT is_current FROM documents WHERE doc_key = ?", [.integer(key)]
                            ).first?.first?.bool ?? true
                        return LoadOutcome(
                            action: .unchanged, isCurrent: isCurrent, superseded: 0, drugs: 0, facts: 0, evidence: 0)
                    }
                    action = .replaced
                    for table in ["evidence", "facts", "drug_codes", "drug_brands", "drugs"] {
                        try connection.execute("DELETE FROM \(table) WHERE doc_key = ?", [.integer(key)])
                    }
                    try connection.execute(
                        """
                        UPDATE documents SET source = ?, format = ?, title = ?, effective_time = ?,
                            document_type = ?, sections = ?, content_hash = ?, record_hash = ?, loaded_at = ?,
                            rxfacts_version = ?, pipeline = ?, pipeline_fingerprint = ?, vocabularies = ?
                        WHERE doc_key = ?
                        """, documentValues + [.integer(key)])
                } else {
                    action = .inserted
                    let rows = try connection.query(
                        """
                        INSERT INTO documents (id, version, version_number, is_current, source, format, title,
                            effective_time, document_type, sections, content_hash, record_hash, loaded_at,
                            rxfacts_version, pipeline, pipeline_fingerprint, vocabularies)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING doc_key
                        """,
                        [
                            .text(info.id), .text(version), Self.versionNumber(version).map(SQLValue.integer) ?? .null,
                            .bool(false),
                        ] + documentValues)
                    guard let key = rows.first?.first?.integer else {
                        throw DatabaseError(
                            engine: connection.dialect.rawValue, code: "returning",
                            message: "INSERT … RETURNING gave no document key")
                    }
                    documentKey = key
                }
                let written = try writeRows(of: record, documentKey: documentKey)
                let (isCurrent, superseded) = try updateVersionChain(id: info.id, loaded: documentKey)
                try beforeCommit?()
                return LoadOutcome(
                    action: action, isCurrent: isCurrent, superseded: superseded,
                    drugs: written.drugs, facts: written.facts, evidence: written.evidence)
            }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Writes the drugs, brands, codes, facts and evidence of `record` under `documentKey`.
    private func writeRows(of record: Record, documentKey key: Int64) throws -> (drugs: Int, facts: Int, evidence: Int)
    {
        let doc = SQLValue.integer(key)
        var drugs: [[SQLValue]] = []
        var brands: [[SQLValue]] = []
        var codes: [[SQLValue]] = []
        var facts: [[SQLValue]] = []
        var evidence: [[SQLValue]] = []
        for (drugIndex, drug) in record.drugs.enumerated() {
            let drugOrd = SQLValue(drugIndex)
            drugs.append([doc, drugOrd, .text(drug.name)])
            for (brandIndex, brand) in drug.brands.enumerated() {
                brands.append([doc, drugOrd, SQLValue(brandIndex), .text(brand)])
            }
            for (system, code) in drug.codes.sorted(by: { $0.key < $1.key }) {
                codes.append([doc, drugOrd, .text(system), .text(code)])
            }
            for (factIndex, fact) in drug.facts.enumerated() {
                let factOrd = SQLValue(factIndex)
                let (codeSystem, code) = Self.splitCode(fact.code)
                facts.append([
                    doc, drugOrd, factOrd, .text(fact.type.rawValue), .text(fact.value),
                    SQLValue(codeSystem), SQLValue(code), .bool(fact.negated), .bool(fact.hedged),
                    .text(fact.source), .text(fact.rule), SQLValue(try fact.qualifiers.map { try json($0) }),
                ])
                for (evidenceIndex, item) in fact.evidence.enumerated() {
                    evidence.append([
                        doc, drugOrd, factOrd, SQLValue(evidenceIndex), .text(item.section),
                        SQLValue(item.start), SQLValue(item.end), .text(item.text), SQLValue(item.path),
                        item.charStart.map { SQLValue($0) } ?? .null, item.charEnd.map { SQLValue($0) } ?? .null,
                    ])
                }
            }
        }
        try insert("drugs", ["doc_key", "drug_ord", "name"], drugs)
        try insert("drug_brands", ["doc_key", "drug_ord", "brand_ord", "brand"], brands)
        try insert("drug_codes", ["doc_key", "drug_ord", "system", "code"], codes)
        try insert(
            "facts",
            [
                "doc_key", "drug_ord", "fact_ord", "type", "value", "code_system", "code", "negated", "hedged",
                "source", "rule", "qualifiers",
            ], facts)
        try insert(
            "evidence",
            [
                "doc_key", "drug_ord", "fact_ord", "evidence_ord", "section", "start_offset", "end_offset", "text",
                "path", "char_start", "char_end",
            ], evidence)
        return (drugs.count, facts.count, evidence.count)
    }

    /// Multi-row INSERTs in chunks of 128, 32, 8, 2 and 1 rows: a handful of prepared statements
    /// per table, a few round trips per document.
    private func insert(_ table: String, _ columns: [String], _ rows: [[SQLValue]]) throws(DatabaseError) {
        var start = 0
        while start < rows.count {
            let remaining = rows.count - start
            let size = [128, 32, 8, 2, 1].first { $0 <= remaining } ?? 1
            let sql = insertStatement(table, columns, rows: size)
            var values: [SQLValue] = []
            values.reserveCapacity(size * columns.count)
            for row in rows[start..<start + size] { values += row }
            try connection.execute(sql, values)
            start += size
        }
    }

    private func insertStatement(_ table: String, _ columns: [String], rows: Int) -> String {
        let key = "\(table)/\(rows)"
        if let sql = insertStatements[key] { return sql }
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let sql =
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ", ")
        insertStatements[key] = sql
        return sql
    }

    /// Recomputes `is_current` and `superseded_by` for every stored version of document `id`:
    /// the newest version is current and each older one points to the next newer one.
    /// Returns whether `loaded` is current and how many rows became superseded.
    private func updateVersionChain(id: String, loaded: Int64) throws(DatabaseError) -> (Bool, Int) {
        let rows = try connection.query(
            "SELECT doc_key, version_number, effective_time, version, is_current, superseded_by FROM documents WHERE id = ?",
            [.text(id)])
        struct Version {
            var key: Int64, number: Int64?, effective: String, version: String, isCurrent: Bool, supersededBy: Int64?
        }
        let versions = rows.map {
            Version(
                key: $0[0].integer ?? 0, number: $0[1].integer, effective: $0[2].text ?? "",
                version: $0[3].text ?? "", isCurrent: $0[4].bool ?? false, supersededBy: $0[5].integer)
        }.sorted { a, b in
            // Oldest first: numeric SPL versionNumber, then effective time, then version text.
            if a.number != b.number { return (a.number ?? Int64.min) < (b.number ?? Int64.min) }
            if a.effective != b.effective { return a.effective < b.effective }
            if a.version != b.version { return a.version < b.version }
            return a.key < b.key
        }
        var newlySuperseded = 0
        var loadedIsCurrent = false
        for (index, version) in versions.enumerated() {
            let next: Int64? = index + 1 < versions.count ? versions[index + 1].key : nil
            let isCurrent = next == nil
            if version.key == loaded { loadedIsCurrent = isCurrent }
            if version.isCurrent && !isCurrent { newlySuperseded += 1 }
            if version.isCurrent != isCurrent || version.supersededBy != next {
                try connection.execute(
                    "UPDATE documents SET is_current = ?, superseded_by = ? WHERE doc_key = ?",
                    [.bool(isCurrent), next.map(SQLValue.integer) ?? .null, .integer(version.key)])
            }
        }
        return (loadedIsCurrent, newlySuperseded)
    }

    // MARK: Reading back

    /// Row counts of every table.
    package func counts() throws(StoreError) -> TableCounts {
        try store { () throws(DatabaseError) in
            func count(_ sql: String) throws(DatabaseError) -> Int {
                Int(try connection.query(sql).first?.first?.integer ?? 0)
            }
            return TableCounts(
                documents: try count("SELECT COUNT(*) FROM documents"),
                currentDocuments: try count("SELECT COUNT(*) FROM documents WHERE is_current"),
                drugs: try count("SELECT COUNT(*) FROM drugs"),
                brands: try count("SELECT COUNT(*) FROM drug_brands"),
                codes: try count("SELECT COUNT(*) FROM drug_codes"),
                facts: try count("SELECT COUNT(*) FROM facts"),
                evidence: try count("SELECT COUNT(*) FROM evidence"))
        }
    }

    // MARK: Helpers

    private func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func store<T>(_ body: () throws(DatabaseError) -> T) throws(StoreError) -> T {
        do { return try body() } catch { throw .database(error) }
    }

    private static func storeError(_ error: any Error) -> any Error {
        if let error = error as? DatabaseError { return StoreError.database(error) }
        return error
    }

    /// `nui:N0000175694` → (`nui`, `N0000175694`); a code without a system keeps a nil system.
    static func splitCode(_ code: String?) -> (String?, String?) {
        guard let code else { return (nil, nil) }
        guard let colon = code.firstIndex(of: ":") else { return (nil, code) }
        return (String(code[..<colon]), String(code[code.index(after: colon)...]))
    }

    static func versionNumber(_ version: String) -> Int64? {
        guard !version.isEmpty, version.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(version)
    }

    /// FNV-1a 64 of the record's canonical JSON, hex: tells an unchanged reload from a changed one.
    package static func fingerprint(_ data: Data) -> String {
        ContentHash.fnv1a64Hex(data)
    }

}
