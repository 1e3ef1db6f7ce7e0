import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// The corpus regression gate: every leaflet in `Corpus/text` and `Corpus/spl` must give
/// exactly the facts of its record in `Corpus/reference/` (same keys, same evidence). When a
/// rule or lexicon change moves a fact, this fails and prints the diff; review it, then
/// regenerate the references with `Scripts/update-references.sh`.
@Suite struct CorpusRegressionTests {
    static let inputs: [String] = InputCollector.collect([
        TestSupport.path("Corpus/text"), TestSupport.path("Corpus/spl"),
    ])

    @Test func everyCorpusInputHasAReference() {
        #expect(Self.inputs.count >= 12)
        for input in Self.inputs {
            let stem = SourceInput(path: input, bytes: []).stem
            #expect(
                FileManager.default.fileExists(atPath: TestSupport.path("Corpus/reference/\(stem).jsonl")),
                "no reference for \(input)")
        }
    }

    @Test(arguments: inputs)
    func reproducesTheReference(input: String) throws {
        let stem = SourceInput(path: input, bytes: []).stem
        let reference = try RecordReader.records(TestSupport.path("Corpus/reference/\(stem).jsonl"))
        let actual = try TestSupport.pipeline.extract(InputCollector.read(input))
        let report = RecordDiff.compare(reference: reference, actual: [actual])
        #expect(report.missing.isEmpty && report.extra.isEmpty, "\(DiffTextFormatter.text(report))")
        // Beyond the keys: evidence offsets and texts are reproduced too.
        let changes = RecordChanges.compare(old: reference, new: [actual])
        #expect(changes.changes.isEmpty, "\(DiffTextFormatter.text(changes))")
        #expect(reference.first?.document.id == actual.document.id)
    }
}
