import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
import RxFactsStore

/// Document ids are unique within a run and stable across runs; a store never lets one document
/// silently replace another under the same id (issue 13, defects 8 and 9).
@Suite struct DocumentIdentityTests {
    let aspirin = Array("Aspirin is used to treat pain.\n".utf8)
    let diazepam = Array("Diazepam belongs to the benzodiazepines.\n".utf8)

    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "rxfacts-identity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path + "/b", withIntermediateDirectories: true)
        return path
    }

    func run(
        _ collected: InputCollector.Collected
    ) throws -> (ids: [String], errors: [InputError], summary: BatchExtractor.Summary) {
        var ids: [String] = []
        var errors: [InputError] = []
        let summary = BatchExtractor(pipeline: TestSupport.pipeline, jobs: 2).run(
            paths: collected.paths, problems: collected.problems, ids: collected.ids,
            record: { ids.append((try? JSONDecoder().decode(Record.self, from: Data($0)))?.document.id ?? "?") },
            failure: { errors.append($0) })
        #expect(summary.inputs == summary.records + summary.errors)
        return (ids, errors, summary)
    }

    @Test func textIdsInAWalkedDirectoryArePathsBelowIt() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(aspirin).write(to: URL(fileURLWithPath: dir + "/a/leaflet.txt"))
        try Data(diazepam).write(to: URL(fileURLWithPath: dir + "/b/leaflet.txt"))
        try Data(diazepam).write(to: URL(fileURLWithPath: dir + "/top.txt"))
        let first = try run(InputCollector.gather([dir]))
        #expect(first.ids == ["a/leaflet", "b/leaflet", "top"])
        #expect(first.errors.isEmpty)
        // Stable: the same tree walked again (or from another working directory) gives the same ids.
        let again = try run(InputCollector.gather([dir + "/"]))
        #expect(again.ids == first.ids)
    }

    @Test func twoDifferentDocumentsWithOneIdInARunMakeTheSecondAnError() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(aspirin).write(to: URL(fileURLWithPath: dir + "/a/leaflet.txt"))
        try Data(diazepam).write(to: URL(fileURLWithPath: dir + "/b/leaflet.txt"))
        try Data(aspirin).write(to: URL(fileURLWithPath: dir + "/b/copy.txt"))
        // Named one by one, both are "leaflet": the second is an error entry, not a silent twin.
        let result = try run(InputCollector.gather([dir + "/a/leaflet.txt", dir + "/b/leaflet.txt"]))
        #expect(result.ids == ["leaflet"])
        #expect(result.errors.map(\.path) == [dir + "/b/leaflet.txt"])
        #expect(result.errors.first?.reason.contains("document id 'leaflet' is already the id of") == true)
        // The same bytes twice under one id are one document: no error.
        var same = InputCollector.gather([dir + "/a/leaflet.txt", dir + "/b/copy.txt"])
        same.ids[dir + "/b/copy.txt"] = "leaflet"
        #expect(try run(same).errors.isEmpty)
    }

    @Test func standardInputAndEmptyIdsGetUsableIds() throws {
        let one = SourceInput(path: "-", bytes: aspirin)
        let other = SourceInput(path: "-", bytes: diazepam)
        #expect(one.documentId.hasPrefix("stdin-"))
        #expect(one.documentId != other.documentId)
        #expect(one.documentId == SourceInput(path: "-", bytes: aspirin).documentId)
        #expect(SourceInput(path: "-", bytes: aspirin, id: "my-leaflet").documentId == "my-leaflet")
        #expect(!SourceInput(path: "", bytes: aspirin).documentId.isEmpty)
        #expect(SourceInput.usableId("  ") == nil)
    }

    @Test func anSPLWithAnEmptySetIdFallsBackToItsDocumentId() throws {
        var text = try String(
            contentsOfFile: TestSupport.path("Tests/RxFactsTests/Fixtures/xml/scheduled-spl.xml"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "<setId root=\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\"/>", with: "<setId root=\"\"/>")
        let record = try TestSupport.pipeline.extract(SourceInput(path: "label.xml", bytes: Array(text.utf8)))
        #expect(record.document.id == "11111111-2222-3333-4444-555555555555")
        text = text.replacingOccurrences(
            of: "<id root=\"11111111-2222-3333-4444-555555555555\"/>", with: "<id root=\" \"/>")
        let bare = try TestSupport.pipeline.extract(SourceInput(path: "dir/label.xml", bytes: Array(text.utf8)))
        #expect(bare.document.id == "label")
    }

    // MARK: Store

    func record(_ id: String, source: String, content: String) -> Record {
        Record(document: DocumentInfo(id: id, source: source, format: "text", contentHash: content), drugs: [])
    }

    @Test func aStoreRefusesAnotherDocumentUnderAStoredIdAndGoesOn() throws {
        let store = try RecordStore(url: StoreTestSupport.temporarySQLiteURL())
        var refusals: [StoreError] = []
        var loader = StoreLoader()
        loader.refused = { refusals.append($0) }
        let first = record("leaflet", source: "a/leaflet.txt", content: "h1")
        let summary = try loader.load(
            records: [
                first, record("leaflet", source: "b/leaflet.txt", content: "h2"),
                record("other", source: "c.txt", content: "h3"),
            ],
            into: store)
        #expect(summary.refused == 1)
        #expect(summary.inserted == 2)
        #expect(refusals.count == 1)
        #expect(refusals.first?.description.contains("b/leaflet.txt: refused: document id 'leaflet'") == true)
        let sources = try store.connection.query("SELECT source FROM documents WHERE id = 'leaflet'").compactMap {
            $0.first?.text
        }
        #expect(sources == ["a/leaflet.txt"])
        // The same document again is unchanged; the same file edited replaces; the same content
        // moved elsewhere is the same document.
        let again = try loader.load(
            records: [
                first, record("leaflet", source: "a/leaflet.txt", content: "h1-edited"),
                record("leaflet", source: "moved.txt", content: "h1-edited"),
            ],
            into: store)
        #expect(again.refused == 0)
        #expect(again.unchanged == 1 && again.replaced == 2)
    }

    @Test func aStoreRefusesAnEmptyIdAndGoesOn() throws {
        let store = try RecordStore(url: StoreTestSupport.temporarySQLiteURL())
        var loader = StoreLoader()
        var refusals: [StoreError] = []
        loader.refused = { refusals.append($0) }
        let summary = try loader.load(
            records: [record("", source: "x.xml", content: "h"), record("y", source: "y.txt", content: "h")],
            into: store)
        #expect(summary.refused == 1 && summary.inserted == 1)
        #expect(refusals == [.emptyId(source: "x.xml")])
    }

    @Test(.enabled(if: PostgresTestServer.isReachable, PostgresTestServer.skipMessage))
    func firstTimeConcurrentLoadersOnANewPostgreSQLDatabaseBothSucceed() async throws {
        for _ in 0..<5 {
            let url = try PostgresTestServer.freshSchemaURL()
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask { try RecordStore(url: url).schemaVersion() }
                }
                for try await version in group { #expect(version >= 1) }
            }
        }
    }
}
