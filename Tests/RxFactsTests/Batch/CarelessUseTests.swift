import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// What a careless user meets: the wrong file given to --resume, a JSON array, a lexicon that is
/// not UTF-8, a gate with nothing to score, an empty gold set, ids that changed (issue 13, defect 10).
@Suite struct CarelessUseTests {
    func temporaryFile(_ bytes: [UInt8], name: String = "f") throws -> String {
        let dir = NSTemporaryDirectory() + "rxfacts-careless-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: ["my precious notes, no newline", "[1, 2, 3]", "{\"id\": 1}"])
    func resumeRefusesAFileThatIsNotRxfactsOutputAndLeavesItAlone(_ content: String) throws {
        let path = try temporaryFile(Array(content.utf8))
        #expect(throws: InputError.self) { _ = try ResumeLog.read(path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test func resumeStillCutsATruncatedRecordLine() throws {
        let line = TestSupport.pipeline.encoder.encodeLine(try TestSupport.record("Aspirin is used to treat pain."))
        let path = try temporaryFile(line + Array(line.prefix(40)))
        let log = try ResumeLog.read(path)
        #expect(log.records == 1 && log.droppedBytes == 40)
    }

    @Test(arguments: ["[{\"resourceType\": \"Composition\"}]", "  [\n]", "[[1]]", "[\"a\"]"])
    func aJSONArrayIsAnErrorNotText(_ content: String) throws {
        do {
            _ = try TestSupport.pipeline.extract(SourceInput(path: "x.json", bytes: Array(content.utf8)))
            Issue.record("a JSON array was read")
        } catch {
            #expect(error.kind == .unsupportedFormat)
            #expect(error.reason.contains("JSON array"))
        }
        // A text that merely starts with a bracket is still text.
        _ = try TestSupport.pipeline.extract(
            SourceInput(path: "x.txt", bytes: Array("[Product] Aspirin is used to treat pain.".utf8)))
    }

    @Test func lexiconCheckAndTheRuntimeReportInvalidUTF8AtTheSamePlace() throws {
        let bytes = Array("# rxfacts-lexicon/1\ndrug\taspirin\tasp".utf8) + [0xFF] + Array("irin\t-\n".utf8)
        let path = try temporaryFile(bytes, name: "bad.tsv")
        var runtime: InputError?
        do { _ = try Lexicon.parse(bytes, path: path) } catch { runtime = error }
        var check: LexiconBuildError?
        do { _ = try LexiconFileCheck.check(path: path) } catch { check = error }
        #expect(runtime?.line == 2 && runtime?.column == 17)
        #expect(check?.line == runtime?.line && check?.column == runtime?.column)
        #expect(check?.reason == runtime?.reason)
    }

    @Test func aGateWithNothingToScoreFails() {
        let report = RecordDiff.compare(reference: [], actual: [])
        #expect(!DiffGate(minimumF1: 0.5).failures(report).isEmpty)
        #expect(DiffGate(minimumF1: 0.5).exitCode(report) == DiffGate.failedExitCode)
        #expect(DiffGate().failures(report).isEmpty)
    }

    struct NoMentions: MentionExtractor {
        func mentions(in text: [UInt8], title: String) throws -> [ScoredMention] { [] }
    }

    @Test func anEmptyGoldSetIsRefusedNotAPerfectScore() throws {
        let root = NSTemporaryDirectory() + "rxfacts-gold-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/labeledin", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: root + "/labeledin/LabeledIn_annotated_XML_1.txt"))
        #expect(throws: GoldSetError.self) {
            _ = try Evaluation.run(dataDirectory: root, sets: [.labeledIn], extractor: NoMentions())
        }
    }

    @Test func changesMatchDocumentsByAKeyTheUserNames() throws {
        func record(_ id: String, source: String, title: String, value: String) -> Record {
            Record(
                document: DocumentInfo(id: id, source: source, format: "text", title: title),
                drugs: [
                    DrugRecord(
                        name: "aspirin", brands: [], codes: [:],
                        facts: [
                            Fact(
                                type: .indication, value: value, negated: false, hedged: false, code: nil,
                                qualifiers: nil,
                                evidence: [], rule: "r", source: "text")
                        ])
                ])
        }
        let old = [record("leaflet", source: "v1/a/leaflet.txt", title: "Aspirin", value: "pain")]
        let new = [record("a/leaflet", source: "v2/a/leaflet.txt", title: "Aspirin", value: "fever")]
        let byId = RecordChanges.compare(old: old, new: new)
        #expect(byId.documentsCompared == 0 && byId.documentsAdded == ["a/leaflet"])
        let byTitle = RecordChanges.compare(old: old, new: new, key: .title)
        #expect(byTitle.documentsCompared == 1)
        #expect(
            byTitle.changes.map(\.kind) == [.added, .removed] || byTitle.changes.map(\.kind) == [.removed, .added])
        #expect(RecordChanges.compare(old: old, new: new, key: .file).documentsCompared == 1)
        #expect(
            RecordChanges.DocumentKey.title.problem(in: old + old, named: "x.jsonl")?.contains(
                "names more than one document") == true)
    }
}
