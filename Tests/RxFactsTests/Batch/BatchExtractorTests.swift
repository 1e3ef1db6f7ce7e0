import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct BatchExtractorTests {
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "rxfacts-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func badInputsAreReportedAndTheBatchGoesOn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/a.txt", contents: Data("Diazepam is used for anxiety.".utf8))
        FileManager.default.createFile(atPath: dir + "/b.txt", contents: Data())
        FileManager.default.createFile(atPath: dir + "/c.txt", contents: Data([0x41, 0x0A, 0x42, 0xFF, 0x43]))
        FileManager.default.createFile(
            atPath: dir + "/d.txt", contents: Data("Lorazepam belongs to the benzodiazepines.".utf8))
        let paths = InputCollector.collect([dir, dir + "/missing.txt"])
        var lines: [[UInt8]] = []
        var errors: [InputError] = []
        let summary = BatchExtractor(pipeline: TestSupport.pipeline, jobs: 2).run(
            paths: paths, record: { lines.append($0) }, failure: { errors.append($0) })
        #expect(summary.inputs == 5)
        #expect(summary.records == 2)
        #expect(summary.errors == 3)
        #expect(errors.map(\.kind) == [.empty, .encoding, .unreadable])
        #expect(errors[1].line == 2 && errors[1].column == 2)
        #expect(errors[1].description.hasSuffix("c.txt:2:2: not valid UTF-8 (byte 0xFF at offset 3)"))
        let ids = try lines.map { try JSONDecoder().decode(Record.self, from: Data($0)).document.id }
        #expect(ids == ["a", "d"])
    }

    @Test func xmlWithoutAnXMLIngesterIsNotReadAsText() {
        var pipeline = TestSupport.pipeline
        pipeline.ingesters = [TextIngester()]
        #expect(throws: InputError.self) {
            try pipeline.extract(SourceInput(path: "x.xml", bytes: Array("<?xml version=\"1.0\"?><a/>".utf8)))
        }
    }

    @Test func pipelineDefinitionErrorsNameTheProblem() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/p.yaml"
        FileManager.default.createFile(
            atPath: path, contents: Data("name: x\nstages: [ingest, tag, normalize, emit]\n".utf8))
        do {
            _ = try PipelineDefinition.load(contentsOf: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains("needs layer 'tokens'"))
            #expect(error.line == 2 && error.column == 18)
        }
        FileManager.default.createFile(atPath: path, contents: Data("name: [x\n".utf8))
        do {
            _ = try PipelineDefinition.load(contentsOf: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.line != nil)
        }
    }
}

@Suite struct ErrorLineTests {
    @Test func errorsAreJSONLinesWithPosition() throws {
        let error = InputError(
            .encoding, path: "dir/a \"b\".txt", line: 2, column: 7, reason: "not valid UTF-8\tat byte 9")
        let line = RecordEncoder().encodeErrorLine(error)
        #expect(line.last == 0x0A)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.dropLast())) as? [String: Any])
        #expect(object["path"] as? String == "dir/a \"b\".txt")
        #expect(object["kind"] as? String == "encoding")
        #expect(object["line"] as? Int == 2)
        #expect(object["column"] as? Int == 7)
        #expect(object["reason"] as? String == "not valid UTF-8\tat byte 9")
        let noPosition = String(
            decoding: RecordEncoder().encodeErrorLine(InputError(.empty, path: "e.txt", reason: "file is empty")),
            as: UTF8.self)
        #expect(noPosition == "{\"path\":\"e.txt\",\"kind\":\"empty\",\"reason\":\"file is empty\"}\n")
    }
}
