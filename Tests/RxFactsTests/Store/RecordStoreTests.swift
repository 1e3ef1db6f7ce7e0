import Foundation
import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild
import Testing
@testable import RxFactsStore
@testable import RxSQL

/// The scenarios every engine must pass; the suites below run them on SQLite and PostgreSQL.
enum StoreScenarios {
    typealias S = StoreTestSupport

    static func rowCountsEqualFactCounts(_ url: DatabaseURL) throws {
        let records = (0..<20).map { S.record(id: "doc-\($0)", drugs: 1 + $0 % 3, facts: 3 + $0 % 7) }
        let store = try RecordStore(url: url)
        let summary = try StoreLoader().load(records: records, into: store)
        let counts = try store.counts()
        #expect(summary.inserted == 20)
        #expect(counts.documents == 20)
        #expect(counts.currentDocuments == 20)
        #expect(counts.drugs == records.reduce(0) { $0 + $1.drugs.count })
        #expect(counts.facts == S.factCount(records))
        #expect(counts.evidence == S.evidenceCount(records))
        #expect(counts.brands == records.count * 2)
        #expect(counts.codes == counts.drugs * 2)
        #expect(try store.schemaVersion() == Schema.latestVersion)

        // Values survive the round trip: text with quotes, booleans, split codes, JSON qualifiers.
        let combination = try store.connection.query(
            """
            SELECT f.value, f.code_system, f.code, f.negated, f.hedged, f.qualifiers, e.text
            FROM documents d JOIN facts f ON f.doc_key = d.doc_key
            JOIN evidence e ON e.doc_key = f.doc_key AND e.drug_ord = f.drug_ord AND e.fact_ord = f.fact_ord
            WHERE d.id = ? AND f.drug_ord = 0 AND f.fact_ord = 2 ORDER BY e.evidence_ord
            """, [.text("doc-0")])
        #expect(combination.count == 1)
        #expect(combination.first?[0] == .text("value 2"))
        #expect(combination.first?[1] == .text("nui"))
        #expect(combination.first?[2] == .text("N2"))
        #expect(combination.first?[3].bool == false)
        #expect(combination.first?[5] == .text(#"{"risks":["coma","respiratory depression"]}"#))
        #expect(combination.first?[6] == .text("it's \"quoted\"; -- not SQL 2.0 ≥ 5%"))
        let negated = try store.connection.query(
            "SELECT COUNT(*) FROM facts WHERE negated AND doc_key = (SELECT doc_key FROM documents WHERE id = ?)",
            [.text("doc-6")])  // 1 drug, 9 facts: facts 3 and 7 are negated
        #expect(negated.first?.first?.integer == 2)
    }

    static func loadingTwiceChangesNothing(_ url: DatabaseURL) throws {
        let records = (0..<10).map { S.record(id: "doc-\($0)") }
        let store = try RecordStore(url: url)
        try StoreLoader().load(records: records, into: store)
        let before = try S.dump(store)
        let again = try StoreLoader().load(records: records, into: store)
        #expect(again.unchanged == 10)
        #expect(again.factsWritten == 0)
        #expect(try S.dump(store) == before)

        // Reopening the database (migration already applied) changes nothing either.
        let reopened = try RecordStore(url: url)
        try StoreLoader().load(records: records, into: reopened)
        #expect(try S.dump(reopened) == before)
        #expect(
            try reopened.connection.query("SELECT COUNT(*) FROM schema_version").first?.first?.integer
                == Int64(Schema.latestVersion))
    }

    static func sameVersionWithNewContentReplaces(_ url: DatabaseURL) throws {
        let store = try RecordStore(url: url)
        try store.load(S.record(id: "doc", drugs: 3, facts: 8))
        let changed = S.record(id: "doc", drugs: 1, facts: 2, marker: "-fixed")
        let outcome = try store.load(changed)
        #expect(outcome.action == .replaced)
        let counts = try store.counts()
        #expect(counts.documents == 1)
        #expect(counts.drugs == 1)
        #expect(counts.facts == 2)
        #expect(counts.evidence == S.evidenceCount([changed]))
        let values = try store.connection.query("SELECT value FROM facts ORDER BY fact_ord").compactMap(\.first?.text)
        #expect(values == ["value 0-fixed", "CIV"])
    }

    static func newerVersionSupersedesAndKeepsHistory(_ url: DatabaseURL) throws {
        let store = try RecordStore(url: url)
        let v1 = S.record(id: "label", version: "1", effectiveTime: "20200101", facts: 3)
        let v3 = S.record(id: "label", version: "3", effectiveTime: "20220101", facts: 4, marker: "-v3")
        let v2 = S.record(id: "label", version: "2", effectiveTime: "20210101", facts: 5, marker: "-v2")
        try store.load(S.record(id: "other"))
        #expect(try store.load(v1).isCurrent)
        let third = try store.load(v3)
        #expect(third.isCurrent)
        #expect(third.superseded == 1)
        // An older version arriving late is kept as history and changes nothing current.
        let late = try store.load(v2)
        #expect(!late.isCurrent)
        #expect(late.superseded == 0)

        let chain = try store.connection.query(
            """
            SELECT d.version, d.is_current, n.version FROM documents d
            LEFT JOIN documents n ON n.doc_key = d.superseded_by
            WHERE d.id = ? ORDER BY d.version_number
            """, [.text("label")])
        #expect(chain.map { $0[0].text } == ["1", "2", "3"])
        #expect(chain.map { $0[1].bool } == [false, false, true])
        #expect(chain.map { $0[2].text } == ["2", "3", nil])

        let current = try store.connection.query(
            "SELECT COUNT(*) FROM facts f JOIN documents d ON d.doc_key = f.doc_key WHERE d.is_current AND d.id = ?",
            [.text("label")])
        #expect(current.first?.first?.integer == Int64(S.factCount([v3])))
        let history = try S.perDocumentCounts(store)
        #expect(history["label@1"]?.first == S.factCount([v1]))
        #expect(history["label@2"]?.first == S.factCount([v2]))
        #expect(try store.counts().currentDocuments == 2)

        // Reloading an old version unchanged leaves the chain as it is.
        let reload = try store.load(v1)
        #expect(reload.action == .unchanged)
        #expect(!reload.isCurrent)
    }

    static func failureMidLoadRollsBackOneDocumentAndRerunCompletes(_ url: DatabaseURL) throws {
        struct SimulatedCrash: Error {}
        let records = (0..<10).map { S.record(id: "doc-\($0)", facts: 4 + $0) }
        let store = try RecordStore(url: url)
        var loader = StoreLoader()
        loader.faultInjection = { index in if index == 6 { throw SimulatedCrash() } }
        #expect(throws: SimulatedCrash.self) { try loader.load(records: records, into: store) }
        // Documents 0–5 are whole; document 6 left nothing behind (its rows were written, then rolled back).
        #expect(try S.perDocumentCounts(store) == S.expectedPerDocumentCounts(Array(records[0..<6])))

        let rerun = try StoreLoader().load(records: records, into: store)
        #expect(rerun.unchanged == 6)
        #expect(rerun.inserted == 4)
        #expect(try S.perDocumentCounts(store) == S.expectedPerDocumentCounts(records))
        #expect(try store.counts().facts == S.factCount(records))
    }

    /// Runs `rxfacts load` on a large file, SIGKILLs it once some documents are in, then checks
    /// that only whole documents are stored and that rerunning the command completes the load.
    static func killedLoadIsConsistentAndRerunCompletes(_ url: DatabaseURL) throws {
        let executable = try #require(S.rxfactsExecutable)
        let records = (0..<3000).map { S.record(id: "doc-\($0)", version: "\($0 % 3 + 1)", facts: 6) }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-kill-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: input) }
        try S.jsonl(records).write(to: input)
        let observer = try RecordStore(url: url)  // creates the schema, so polling can start at once

        let process = Process()
        process.executableURL = executable
        process.arguments = ["load", "--quiet", "--db", url.description, input.path]
        try process.run()
        var stored = 0
        while process.isRunning && stored < 100 {
            stored = try observer.counts().documents
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The load must really have been killed, not have finished first (3000 documents, killed at ~100).
        #expect(process.terminationReason == .uncaughtSignal)

        let afterKill = try S.perDocumentCounts(observer)
        let expected = S.expectedPerDocumentCounts(records)
        for (document, counts) in afterKill {
            #expect(counts == expected[document], "document \(document) is partial after the kill")
        }

        let rerun = Process()
        rerun.executableURL = executable
        rerun.arguments = ["load", "--quiet", "--db", url.description, input.path]
        try rerun.run()
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        #expect(try S.perDocumentCounts(observer) == expected)
        let counts = try observer.counts()
        #expect(counts.facts == S.factCount(records))
        #expect(counts.documents == records.count)
    }
}

@Suite("Record store on SQLite") struct SQLiteRecordStoreTests {
    @Test func rowCountsEqualFactCounts() throws {
        try StoreScenarios.rowCountsEqualFactCounts(StoreTestSupport.temporarySQLiteURL())
    }

    @Test func loadingTwiceChangesNothing() throws {
        try StoreScenarios.loadingTwiceChangesNothing(StoreTestSupport.temporarySQLiteURL())
    }

    @Test func sameVersionWithNewContentReplaces() throws {
        try StoreScenarios.sameVersionWithNewContentReplaces(StoreTestSupport.temporarySQLiteURL())
    }

    @Test func newerVersionSupersedesAndKeepsHistory() throws {
        try StoreScenarios.newerVersionSupersedesAndKeepsHistory(StoreTestSupport.temporarySQLiteURL())
    }

    @Test func failureMidLoadRollsBackOneDocumentAndRerunCompletes() throws {
        try StoreScenarios.failureMidLoadRollsBackOneDocumentAndRerunCompletes(StoreTestSupport.temporarySQLiteURL())
    }

    @Test(
        .enabled(
            if: StoreTestSupport.rxfactsExecutable != nil,
            "rxfacts executable not found beside the tests (set RXFACTS_BIN)"))
    func killedLoadIsConsistentAndRerunCompletes() throws {
        try StoreScenarios.killedLoadIsConsistentAndRerunCompletes(StoreTestSupport.temporarySQLiteURL())
    }
}

@Suite("Record store on PostgreSQL", .enabled(if: PostgresTestServer.isReachable, PostgresTestServer.skipMessage))
struct PostgresRecordStoreTests {
    @Test func rowCountsEqualFactCounts() throws {
        try StoreScenarios.rowCountsEqualFactCounts(PostgresTestServer.freshSchemaURL())
    }

    @Test func loadingTwiceChangesNothing() throws {
        try StoreScenarios.loadingTwiceChangesNothing(PostgresTestServer.freshSchemaURL())
    }

    @Test func sameVersionWithNewContentReplaces() throws {
        try StoreScenarios.sameVersionWithNewContentReplaces(PostgresTestServer.freshSchemaURL())
    }

    @Test func newerVersionSupersedesAndKeepsHistory() throws {
        try StoreScenarios.newerVersionSupersedesAndKeepsHistory(PostgresTestServer.freshSchemaURL())
    }

    @Test func failureMidLoadRollsBackOneDocumentAndRerunCompletes() throws {
        try StoreScenarios.failureMidLoadRollsBackOneDocumentAndRerunCompletes(PostgresTestServer.freshSchemaURL())
    }

    @Test(
        .enabled(
            if: StoreTestSupport.rxfactsExecutable != nil,
            "rxfacts executable not found beside the tests (set RXFACTS_BIN)"))
    func killedLoadIsConsistentAndRerunCompletes() throws {
        try StoreScenarios.killedLoadIsConsistentAndRerunCompletes(PostgresTestServer.freshSchemaURL())
    }

    /// The same records give the same rows, value for value, in both engines.
    @Test func sameRowsAsSQLite() throws {
        let records =
            (0..<12).map { StoreTestSupport.record(id: "doc-\($0)", version: "\($0 % 2 + 1)", facts: 2 + $0) }
            + [StoreTestSupport.record(id: "doc-0", version: "9", facts: 1, marker: "-new")]
        let sqlite = try RecordStore(url: StoreTestSupport.temporarySQLiteURL())
        let postgres = try RecordStore(url: PostgresTestServer.freshSchemaURL())
        try StoreLoader().load(records: records, into: sqlite)
        try StoreLoader().load(records: records, into: postgres)
        #expect(try sqlite.counts() == postgres.counts())
        #expect(try StoreTestSupport.dump(sqlite) == StoreTestSupport.dump(postgres))
    }
}

@Suite struct RecordStoreInputTests {
    @Test(arguments: [
        ("sqlite:facts.db", DatabaseURL.sqlite(path: "facts.db")),
        ("sqlite:///tmp/x.db", DatabaseURL.sqlite(path: "/tmp/x.db")),
        ("postgres://u@h:5/db", DatabaseURL.postgres(url: "postgres://u@h:5/db")),
        ("postgresql://h/db", DatabaseURL.postgres(url: "postgresql://h/db")),
    ])
    func parsesDatabaseURLs(text: String, expected: DatabaseURL) throws {
        #expect(try DatabaseURL(parsing: text) == expected)
    }

    @Test(arguments: ["mysql://h/db", "facts.db", "sqlite:"])
    func rejectsOtherURLs(text: String) {
        #expect(throws: StoreError.self) { try DatabaseURL(parsing: text) }
    }

    @Test func badLineIsReportedWithFileLineAndColumn() throws {
        var data = try StoreTestSupport.jsonl([StoreTestSupport.record(id: "a")])
        data += Data("\n{\"schema\":\"rxfacts/1\",\"document\":{\"id\":\"b\"}}\n".utf8)
        var seen: [Int] = []
        let error = try #require(throws: StoreError.self) {
            try StoreLoader.forEachRecord(in: data, path: "facts.jsonl") { _, line in seen.append(line) }
        }
        #expect(seen == [1])
        guard case .badRecord(let path, let line, let column, let reason) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(path == "facts.jsonl")
        #expect(line == 3)
        #expect(column == 1)
        #expect(reason.contains("source") || reason.contains("drugs"))
        #expect(error.description.hasPrefix("facts.jsonl:3:1: "))
    }

    @Test func otherSchemaIsRejected() throws {
        let line = Data(#"{"schema":"rxfacts/2","document":{"id":"a","source":"a","format":"text"},"drugs":[]}"#.utf8)
        #expect(throws: StoreError.self) { try StoreLoader.forEachRecord(in: line, path: "x") { _, _ in } }
    }

    @Test func placeholdersAreNumberedOutsideQuotes() {
        let (sql, count) = PostgresConnection.numberPlaceholders("SELECT '?' , ? , \"a?\" , ? WHERE x = ?")
        #expect(sql == "SELECT '?' , $1 , \"a?\" , $2 WHERE x = $3")
        #expect(count == 3)
    }

    @Test func passwordsAreRedactedInMessages() {
        #expect(PostgresConnection.redacted("postgres://u:secret@h/db") == "postgres://u:***@h/db")
        #expect(PostgresConnection.redacted("postgres://u@h/db") == "postgres://u@h/db")
    }

    @Test func fixtureRecordLoads() throws {
        let fixture = TestSupport.root.appendingPathComponent("Tests/RxFactsTests/Fixtures/store/alprazolam.jsonl")
        let store = try RecordStore(url: StoreTestSupport.temporarySQLiteURL())
        let summary = try StoreLoader().load(paths: [fixture.path], into: store)
        #expect(summary.factsRead == 14)
        // The example query of docs/store.md: Schedule IV drugs that are dangerous with opioids.
        let rows = try store.connection.query(
            """
            SELECT DISTINCT g.name FROM drugs g
            JOIN documents d ON d.doc_key = g.doc_key AND d.is_current
            JOIN facts s ON s.doc_key = g.doc_key AND s.drug_ord = g.drug_ord
                AND s.type = 'schedule' AND s.value = 'CIV' AND NOT s.negated
            JOIN facts c ON c.doc_key = g.doc_key AND c.drug_ord = g.drug_ord
                AND c.type = 'combination' AND c.value = 'opioids' AND NOT c.negated
            ORDER BY g.name
            """)
        #expect(rows == [[.text("alprazolam")]])
    }
}

/// The project's Corpus reference records (Corpus/reference/*.jsonl, written by `rxfacts extract`)
/// load with row counts equal to the facts in the files, identically in both engines.
@Suite struct CorpusLoadTests {
    static let referenceFiles: [String] = {
        let directory = TestSupport.root.appendingPathComponent("Corpus/reference")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { directory.appendingPathComponent($0).path }
    }()

    static func expected() throws -> (documents: Int, facts: Int, evidence: Int) {
        var records: [Record] = []
        for file in referenceFiles {
            try StoreLoader.forEachRecord(inFile: file) { record, _ in records.append(record) }
        }
        return (
            Set(records.map { "\($0.document.id)@\($0.document.version ?? "")" }).count,
            StoreTestSupport.factCount(records), StoreTestSupport.evidenceCount(records)
        )
    }

    static func load(into url: DatabaseURL) throws -> TableCounts {
        let store = try RecordStore(url: url)
        try StoreLoader().load(paths: referenceFiles, into: store)
        let first = try StoreTestSupport.dump(store)
        let again = try StoreLoader().load(paths: referenceFiles, into: store)
        #expect(again.inserted + again.replaced == 0)
        #expect(try StoreTestSupport.dump(store) == first)
        return try store.counts()
    }

    @Test func corpusLoadsIntoSQLite() throws {
        try #require(!Self.referenceFiles.isEmpty, "no Corpus/reference/*.jsonl")
        let expected = try Self.expected()
        let counts = try Self.load(into: StoreTestSupport.temporarySQLiteURL())
        #expect(counts.documents == expected.documents)
        #expect(counts.facts == expected.facts)
        #expect(counts.evidence == expected.evidence)
    }

    @Test(.enabled(if: PostgresTestServer.isReachable, PostgresTestServer.skipMessage))
    func corpusLoadsIntoPostgresLikeSQLite() throws {
        try #require(!Self.referenceFiles.isEmpty, "no Corpus/reference/*.jsonl")
        let sqlite = try Self.load(into: StoreTestSupport.temporarySQLiteURL())
        let postgres = try Self.load(into: PostgresTestServer.freshSchemaURL())
        #expect(postgres == sqlite)
        #expect(postgres.facts == (try Self.expected()).facts)
    }
}

/// `rxfacts extract --db`: lines straight from the pipeline into SQLite, then the same JSONL
/// through `rxfacts load` finds every document unchanged.
@Suite struct ExtractIntoDatabaseTests {
    @Test func extractedLinesLoadAndReloadAsUnchanged() throws {
        let store = try RecordStore(url: StoreTestSupport.temporarySQLiteURL())
        let input = try InputCollector.read(TestSupport.seedPath)
        let line = try TestSupport.pipeline.extractLine(input)
        let first = try store.load(jsonLine: line)
        #expect(first.outcome.action == .inserted)
        let record = try TestSupport.pipeline.extract(input)
        #expect(first.facts == record.drugs.reduce(0) { $0 + $1.facts.count })
        #expect(try store.counts().facts == first.facts)
        // What `rxfacts load` computes for the same line (without its newline).
        let again = try store.load(
            try JSONDecoder().decode(Record.self, from: Data(line.dropLast())),
            fingerprint: RecordStore.fingerprint(Data(line.dropLast())))
        #expect(again.action == .unchanged)
        #expect(try store.counts().facts == first.facts)
    }
}
