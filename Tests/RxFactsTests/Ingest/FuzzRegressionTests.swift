import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch

/// Inputs the fuzzers (`Scripts/fuzz.sh`) found that crashed or hung rxfacts, replayed as they
/// were found: each must end as records and errors, inputs = records + errors, in bounded time.
/// Crashers live in `Fixtures/fuzz/TARGET/`.
@Suite(.timeLimit(.minutes(2))) struct FuzzRegressionTests {
    static let directory = TestSupport.root.appendingPathComponent("Tests/RxFactsTests/Fixtures/fuzz")

    static func crashers(_ target: String) -> [String] {
        let folder = directory.appendingPathComponent(target).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { folder + "/" + $0 }
    }

    @Test func thereAreCrashersToReplay() {
        #expect(!Self.crashers("zip").isEmpty)
    }

    /// Zip crashers, walked as `rxfacts extract` walks them.
    @Test(arguments: crashers("zip"))
    func zipCrasherEndsAsRecordsAndErrors(_ path: String) {
        var extractor = BatchExtractor(pipeline: TestSupport.pipeline, jobs: 1)
        extractor.maxDocumentBytes = 1 << 20
        var records = 0
        var errors = 0
        let summary = extractor.run(paths: [path], record: { _ in records += 1 }, failure: { _ in errors += 1 })
        #expect(summary.inputs == summary.records + summary.errors)
        #expect(summary.records == records && summary.errors == errors)
    }

    /// The hang found first: `b/label.xml`'s deflate stream does not end where its compressed
    /// data does; ZIPFoundation's extract read on at the end of the file forever.
    @Test func anEndlessDeflateStreamIsAnErrorNotAHang() throws {
        let path = Self.directory.appendingPathComponent("zip/endless-deflate-hang.zip").path
        var failures: [InputError] = []
        _ = BatchExtractor(pipeline: TestSupport.pipeline, jobs: 1).run(
            paths: [path], record: { _ in }, failure: { failures.append($0) })
        #expect(failures.map(\.path) == [path + "!b/label.xml"])
        #expect(failures.first?.reason.hasPrefix("corrupt zip member") == true)
    }

    /// Text, XML and JSON crashers, through format detection and every stage.
    @Test(arguments: crashers("text") + crashers("xml") + crashers("epi-json"))
    func documentCrasherEndsAsARecordOrAnError(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            let record = try TestSupport.pipeline.extract(SourceInput(path: path, bytes: bytes))
            #expect(!record.document.id.isEmpty)
        } catch {
            #expect(!error.reason.isEmpty)
        }
    }

    /// Lexicon crashers: parsed or refused with a position.
    @Test(arguments: crashers("lexicon"))
    func lexiconCrasherParsesOrIsRefused(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            _ = try Lexicon.parse(bytes, path: path)
        } catch {
            #expect(error.line != nil)
        }
    }
}
