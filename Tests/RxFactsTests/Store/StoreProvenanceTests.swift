import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsStore
@testable import RxSQL

/// Every document row says what produced it (rxfacts version, pipeline and fingerprint,
/// vocabulary releases) and evidence rows carry code-point offsets; migration 2 adds the columns
/// to a database made by an older rxfacts without touching its rows.
@Suite struct StoreProvenanceTests {
    @Test func documentRowsCarryTheRecordsProvenance() throws {
        let url = try StoreTestSupport.temporarySQLiteURL()
        let store = try RecordStore(url: url)
        let record = try TestSupport.pipeline.extract(
            SourceInput(
                path: TestSupport.seedPath,
                bytes: Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.seedPath)))))
        try store.load(record)
        let row = try #require(
            try store.connection.query(
                "SELECT rxfacts_version, pipeline, pipeline_fingerprint, vocabularies FROM documents"
            ).first)
        let provenance = try #require(record.provenance)
        #expect(row[0].text == provenance.rxfacts)
        #expect(row[1].text == "default")
        #expect(row[2].text == provenance.fingerprint)
        let vocabularies = try JSONDecoder().decode([String: String].self, from: Data((row[3].text ?? "").utf8))
        #expect(vocabularies == provenance.vocabularies)

        let evidence = try store.connection.query(
            "SELECT start_offset, end_offset, char_start, char_end FROM evidence ORDER BY drug_ord, fact_ord, evidence_ord"
        )
        let expected = record.drugs.flatMap(\.facts).flatMap(\.evidence)
        #expect(evidence.count == expected.count)
        for (row, item) in zip(evidence, expected) {
            #expect(
                row.map(\.integer) == [
                    Int64(item.start), Int64(item.end), item.charStart.map(Int64.init), item.charEnd.map(Int64.init),
                ])
        }
    }

    @Test func migrationTwoKeepsRowsOfAVersionOneDatabase() throws {
        let url = try StoreTestSupport.temporarySQLiteURL()
        guard case .sqlite(let path) = url else { return }
        do {
            // A database as rxfacts wrote it before provenance: schema version 1 and one document.
            let old = try SQLiteConnection(path: path)
            try old.executeScript(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            try old.executeScript(Schema.migrations[0].statements(.sqlite))
            _ = try old.execute("INSERT INTO schema_version VALUES (1, 'v1', '2025-01-01T00:00:00Z')")
            _ = try old.execute(
                "INSERT INTO documents (id, version, source, format, record_hash, is_current, loaded_at) VALUES ('old', '', 'old.txt', 'text', 'h', 1, 't')"
            )
        }
        let store = try RecordStore(url: url)
        #expect(try store.schemaVersion() == 2)
        let row = try #require(
            try store.connection.query("SELECT id, rxfacts_version, pipeline_fingerprint FROM documents").first)
        #expect(row[0].text == "old")
        #expect(row[1] == .null && row[2] == .null)
        try store.load(TestSupport.record("Diazepam belongs to the benzodiazepine class."))
        #expect(
            try store.connection.query("SELECT COUNT(*) FROM documents WHERE rxfacts_version IS NOT NULL").first?.first?
                .integer == 1)
    }
}
