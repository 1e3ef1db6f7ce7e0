import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch

/// `charStart`/`charEnd` index the source decoded as UTF-8 in code points (Python `str`
/// indexing): slicing the decoded source with them gives the evidence text, in every format.
@Suite struct CharacterOffsetsTests {
    /// Every evidence of `record`, sliced from `source` decoded to code points, is its text.
    static func checkSlices(_ record: Record, source: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Int
    {
        let scalars = Array(String(decoding: source, as: UTF8.self).unicodeScalars)
        var checked = 0
        for drug in record.drugs {
            for fact in drug.facts {
                for evidence in fact.evidence {
                    guard let start = evidence.charStart, let end = evidence.charEnd else {
                        Issue.record("evidence without char offsets: \(evidence)", sourceLocation: sourceLocation)
                        continue
                    }
                    var sliced = String.UnicodeScalarView()
                    sliced.append(contentsOf: scalars[start..<end])
                    #expect(
                        String(sliced) == evidence.text, "\(fact.type.rawValue) \(fact.value)",
                        sourceLocation: sourceLocation)
                    #expect(end - start == evidence.text.unicodeScalars.count, sourceLocation: sourceLocation)
                    checked += 1
                }
            }
        }
        return checked
    }

    /// A text leaflet with accents, dashes and an emoji before its facts: byte and
    /// code-point offsets part ways at the first of them.
    @Test func plainTextWithNonASCIIBeforeTheEvidence() throws {
        let text =
            "Café résumé — “Valium” 🙂\n\nDiazepam belongs to the benzodiazepine class. It is used to treat anxiety and seizures. Do not combine diazepam with alcohol: it may cause respiratory depression.\n"
        let input = SourceInput(path: "offsets.txt", bytes: Array(text.utf8))
        let record = try TestSupport.pipeline.extract(input)
        let evidence = record.drugs.flatMap(\.facts).flatMap(\.evidence)
        #expect(evidence.contains { $0.charStart != $0.start }, "the non-ASCII prefix must move code-point offsets")
        #expect(Self.checkSlices(record, source: input.bytes) >= 3)
    }

    /// The seed leaflet and every SPL label of the corpus.
    @Test(
        arguments: ["Corpus/text/000_07aae011b33a312d.txt"]
            + InputCollector.collect([TestSupport.path("Corpus/spl")]).map { $0 })
    func corpusDocument(path: String) throws {
        let input = try InputCollector.read(path.hasPrefix("/") ? path : TestSupport.path(path))
        let record = try TestSupport.pipeline.extract(input)
        let checked = Self.checkSlices(record, source: input.bytes)
        #expect(checked > 0, "no evidence in \(path)")
    }

    /// ePI as FHIR XML: entities and markup between the text nodes.
    @Test func epiXML() throws {
        let input = try InputCollector.read(TestSupport.path("Tests/RxFactsTests/Fixtures/xml/epi-composition.xml"))
        let record = try TestSupport.pipeline.extract(input)
        #expect(record.document.format == "epi")
        #expect(Self.checkSlices(record, source: input.bytes) > 0)
    }

    /// ePI as FHIR JSON with non-ASCII text and a JSON `\u` escape before the evidence: offsets
    /// count the escape as the six code points it is in the file.
    @Test func epiJSONWithEscapesAndAccents() throws {
        let fixture = try String(
            contentsOfFile: TestSupport.path("Tests/RxFactsTests/Fixtures/epijson/composition.json"), encoding: .utf8)
        let edited = fixture.replacingOccurrences(
            of: "<p>Valium contains diazepam.", with: "<p>Valium (caf\\u00e9 — été) contains diazepam.")
        #expect(edited != fixture)
        let input = SourceInput(path: "composition-accents.json", bytes: Array(edited.utf8))
        let record = try TestSupport.pipeline.extract(input)
        #expect(record.document.format == "epi")
        let evidence = record.drugs.flatMap(\.facts).flatMap(\.evidence)
        #expect(evidence.contains { $0.charStart != $0.start })
        #expect(Self.checkSlices(record, source: input.bytes) > 0)
    }

    @Test func codePointOffsetsCountSequenceStarts() {
        let bytes = Array("aé🙂b".utf8)  // 1 + 2 + 4 + 1 bytes
        let table = CharacterOffsets.codePointOffsets(of: [0, 1, 3, 7, 8, 99], in: bytes)
        #expect(table == [0: 0, 1: 1, 3: 2, 7: 3, 8: 4, 99: 4])
    }

    /// Every offset of random mixed text (long ASCII runs read eight bytes at a time, accents,
    /// CJK, emoji) against counting the scalars of the prefix.
    @Test func codePointOffsetsOfEveryByteOfRandomText() {
        var random = SplitMix64(seed: 3)
        let pieces = ["plain words and more plain words ", "é", "µg", "—", "中文", "🙂", "\n"]
        for _ in 0..<50 {
            var text = ""
            for _ in 0..<Int.random(in: 1..<40, using: &random) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let bytes = Array(text.utf8)
            let offsets = Array(0...(bytes.count + 3))
            let table = CharacterOffsets.codePointOffsets(of: offsets, in: bytes)
            for offset in offsets {
                let prefix = String(decoding: bytes[..<min(offset, bytes.count)], as: UTF8.self)
                // A cut inside a sequence counts the cut character (its broken head is one U+FFFD).
                #expect(table[offset] == prefix.unicodeScalars.count, "offset \(offset) of \(text.debugDescription)")
            }
        }
    }

    /// The encoder writes them right after the byte offsets, and the reader reads them back.
    @Test func encodedAfterByteOffsetsAndReadBack() throws {
        let record = try TestSupport.record("Diazepam belongs to the benzodiazepine class.")
        let line = String(decoding: RecordEncoder().encodeLine(record), as: UTF8.self)
        #expect(line.range(of: #""end":\d+,"charStart":\d+,"charEnd":\d+,"text":"#, options: .regularExpression) != nil)
        let decoded = try RecordReader.parse(Array(line.utf8), path: "line.jsonl")
        #expect(decoded.first?.record == record)
    }
}
