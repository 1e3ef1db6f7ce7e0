import Foundation
import Testing
@testable import RxFacts

/// `extract --db` stores the record it made, not the record parsed back from its JSON line
/// (issue 15: the parse was a quarter of the writer thread). That is the same only if every
/// record survives its line unchanged: checked on every corpus leaflet and label.
@Suite struct RecordRoundTripTests {
    static var corpusFiles: [String] {
        ["Corpus/text", "Corpus/spl"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder))) ?? []).sorted()
                .filter { !$0.hasPrefix("COPYING") && !$0.hasSuffix(".md") }
                .map { TestSupport.path(folder + "/" + $0) }
        }
    }

    @Test func everyCorpusRecordReadsBackFromItsLineUnchanged() throws {
        let files = Self.corpusFiles
        #expect(files.count >= 12)
        var facts = 0
        for file in files {
            let input = SourceInput(path: file, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            let record = try TestSupport.pipeline.extract(input)
            let line = TestSupport.pipeline.encoder.encodeLine(record)
            let decoded = try JSONDecoder().decode(Record.self, from: Data(line.dropLast()))
            #expect(decoded == record, "\(file)")
            facts += record.drugs.reduce(0) { $0 + $1.facts.count }
        }
        #expect(facts > 100)
    }
}
