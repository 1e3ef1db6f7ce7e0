import Foundation
import RxXML
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// FHIR JSON ePI: parsing, section structure, text, and offsets back into the JSON bytes.
@Suite struct EPIJSONTests {
    static let fixtures = TestSupport.root.appendingPathComponent("Tests/RxFactsTests/Fixtures/epijson")

    static func fixture(_ name: String) throws -> SourceInput {
        let url = fixtures.appendingPathComponent(name)
        return SourceInput(path: "Fixtures/epijson/" + name, bytes: [UInt8](try Data(contentsOf: url)))
    }

    static func string(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON source bytes behind the first occurrence of `word` in the ingested text.
    static func source(of word: String, in document: IngestedDocument) throws -> String {
        let range = try #require(document.text.firstRange(of: Array(word.utf8)), "\(word) not in text")
        return string(document.source[document.textMap.sourceRange(range)])
    }

    @Test func compositionWithNestedSections() throws {
        let input = try Self.fixture("composition.json")
        #expect(try FormatDetector().detect(input) == .epiJSON)
        #expect(EPIJSONIngester().accepts(input))
        #expect(!EPIIngester().accepts(input))
        let document = try FormatDetector().ingest(input)
        #expect(document.info.format == "epi")
        #expect(document.info.id == "EU/1/99/123")
        #expect(document.info.title == "Package leaflet: Valium 5 mg tablets")
        #expect(document.info.effectiveTime == "2025-01-15")
        #expect(document.info.documentType == "100000155538")
        #expect(document.info.contentHash == ContentHash.fnv1a64Hex(input.bytes))
        #expect(
            document.info.sections == [
                "what valium is and what it is used for", "what you need to know before you take valium",
                "other medicines and valium",
            ])
        #expect(document.sections.map(\.level) == [1, 1, 2])
        #expect(document.sections.map(\.code) == ["1", nil, "2.1"])
        #expect(
            Self.string(document.text[document.sections[0].range]) == """
                Valium contains diazepam. It is used to treat anxiety.

                Muscle spasms
                Alcohol withdrawal
                """)
        // The parent section's range covers its nested section.
        let parent = document.sections[1]
        let child = document.sections[2]
        #expect(parent.range.contains(child.range.lowerBound) && parent.range.upperBound == child.range.upperBound)
        #expect(Self.string(document.text[child.range]) == "Opioids such as morphine may increase drowsiness.")
        #expect(Self.string(document.text).hasPrefix("Package leaflet: Valium 5 mg tablets\n\n1. What Valium is"))
        for word in [
            "Valium contains diazepam", "anxiety", "Muscle spasms", "morphine", "allergic",
            "Other medicines and Valium",
        ] {
            #expect(try Self.source(of: word, in: document) == word)
        }
        let sentence = Self.string(document.text[child.range])
        #expect(Self.string(input.bytes[document.textMap.sourceRange(child.range)]) == sentence)
    }

    @Test func bundleUsesFirstComposition() throws {
        let input = try Self.fixture("bundle.json")
        #expect(try FormatDetector().detect(input) == .epiJSON)
        let document = try EPIJSONIngester().ingest(input)
        #expect(document.info.id == "comp-7")
        #expect(document.info.title == "Examplol leaflet")
        #expect(document.info.sections == ["possible side effects"])
        let text = Self.string(document.text[document.sections[0].range])
        #expect(text == "Dizziness & headache are common.")
        #expect(try Self.source(of: "Dizziness", in: document) == "Dizziness")
        #expect(try Self.source(of: "&", in: document) == "&amp;")
        #expect(try Self.source(of: "headache are common.", in: document) == "headache are common.")
    }

    @Test func escapesMapToTheirSourceBytes() throws {
        let input = try Self.fixture("escapes.json")
        let document = try FormatDetector().ingest(input)
        #expect(document.info.title == "Caf\u{E9} \"leaflet\"")
        #expect(document.info.sections == ["side effects"])
        #expect(
            Self.string(document.text) == """
                Caf\u{E9} "leaflet"

                Side effects

                Say "no" to caf\u{E9} \u{1F600} now. Next line: Examplol/tablets \\ done.
                """)
        for word in ["Say", "now.", "Next line: Examplol", "tablets", "done."] {
            #expect(try Self.source(of: word, in: document) == word)
        }
        #expect(try Self.source(of: "\"no\"", in: document) == #"\"no\""#)
        #expect(try Self.source(of: "to caf\u{E9}", in: document) == #"to caf\u00e9"#)
        #expect(try Self.source(of: "\u{1F600}", in: document) == #"\ud83d\ude00"#)
        #expect(try Self.source(of: "now. Next", in: document) == #"now.\nNext"#)
        #expect(try Self.source(of: "/tablets \\ done", in: document) == #"\/tablets \\ done"#)
        #expect(try Self.source(of: "Side effects", in: document) == #"Side\neffects"#)
    }

    @Test func malformedJSONNamesLineAndColumn() throws {
        let input = try Self.fixture("malformed.json")
        #expect(try FormatDetector().detect(input) == .epiJSON)
        do {
            _ = try FormatDetector().ingest(input)
            Issue.record("malformed JSON accepted")
        } catch {
            #expect(error.kind == .malformedJSON)
            #expect(error.kind.rawValue == "malformed-json")
            #expect(error.line == 5)
            #expect(error.column == 19)
            #expect(error.description.hasPrefix("Fixtures/epijson/malformed.json:5:19:"))
        }
    }

    @Test(arguments: [
        (#"{"resourceType": "Composition", "title": "x"#, 1, 42),
        ("{\"resourceType\": \"Composition\",\n \"title\": \"a\tb\"}", 2, 13),
        (#"{"resourceType": "Composition", "id": "\q"}"#, 1, 40),
        (#"{"resourceType": "Composition", "id": "\ud83d"}"#, 1, 40),
        (#"{"resourceType": "Composition", "n": 01}"#, 1, 38),
        (#"{"resourceType": "Composition"} x"#, 1, 33),
    ])
    func malformedVariants(json: String, line: Int, column: Int) {
        do {
            _ = try EPIJSONIngester().ingest(SourceInput(path: "bad.json", bytes: Array(json.utf8)))
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.kind == .malformedJSON)
            #expect(error.line == line && error.column == column, "\(error)")
        }
    }

    @Test func brokenXHTMLInDivPointsIntoTheJSON() {
        let json = "{\"resourceType\": \"Composition\",\n\"section\": [{\"text\": {\"div\": \"<div><p>open</div>\"}}]}"
        do {
            _ = try EPIJSONIngester().ingest(SourceInput(path: "x.json", bytes: Array(json.utf8)))
            Issue.record("broken XHTML accepted")
        } catch {
            #expect(error.kind == .malformedXML)
            #expect(error.line == 2)
            #expect(error.reason.contains("text.div"))
        }
    }

    @Test func deepNestingIsRefused() {
        let json =
            "{\"resourceType\": \"Composition\", \"x\": " + String(repeating: "[", count: 500)
            + String(repeating: "]", count: 500) + "}"
        #expect(throws: InputError.self) {
            try EPIJSONIngester().ingest(SourceInput(path: "deep.json", bytes: Array(json.utf8)))
        }
        let limited = EPIJSONIngester(limits: XMLLimits(maxInputBytes: 10, maxDepth: 200))
        #expect(throws: InputError.self) {
            try limited.ingest(SourceInput(path: "big.json", bytes: Array("{\"resourceType\": \"Composition\"}".utf8)))
        }
    }

    @Test func nonFHIRAndOtherResourcesAreUnsupported() throws {
        let input = try Self.fixture("not-fhir.json")
        do {
            _ = try FormatDetector().detect(input)
            Issue.record("non-FHIR JSON accepted")
        } catch {
            #expect(error.kind == .unsupportedFormat)
            #expect(error.reason.contains("not FHIR") && error.reason.contains("\"name\""))
        }
        let patient = SourceInput(path: "p.json", bytes: Array(#"{"resourceType": "Patient", "id": "p"}"#.utf8))
        do {
            _ = try FormatDetector().detect(patient)
            Issue.record("FHIR Patient accepted")
        } catch {
            #expect(error.kind == .unsupportedFormat)
            #expect(error.reason.contains("Patient"))
        }
        #expect(!EPIJSONIngester().accepts(patient))
        let emptyBundle = SourceInput(path: "b.json", bytes: Array(#"{"resourceType": "Bundle", "entry": []}"#.utf8))
        #expect(throws: InputError.self) { try EPIJSONIngester().ingest(emptyBundle) }
    }

    @Test func offsetMapComposition() {
        // inner: decoded "a\"b" (3 bytes) from source `a\"b` at offset 10 (4 bytes).
        var inner = OffsetMap()
        inner.copy(sourceStart: 10, count: 1)
        inner.replace(sourceStart: 11, sourceCount: 2, outputCount: 1)
        inner.copy(sourceStart: 13, count: 1)
        // outer: text "X" (inserted at decoded 0) + copy of decoded 0..<3.
        var outer = OffsetMap()
        outer.replace(sourceStart: 0, sourceCount: 0, outputCount: 1)
        outer.copy(sourceStart: 0, count: 3)
        var map = OffsetMap()
        map.append(outer, through: inner)
        #expect(map.outputCount == 4)
        #expect(map.sourceRange(1..<2) == 10..<11)
        #expect(map.sourceRange(2..<3) == 11..<13)
        #expect(map.sourceRange(1..<4) == 10..<14)
        #expect(map.sourceRange(3..<4) == 13..<14)
    }

    @Test func endToEndIndicationHasEvidenceInTheJSONBytes() throws {
        let input = try Self.fixture("composition.json")
        let record = try TestSupport.pipeline.extract(input)
        #expect(record.document.format == "epi")
        let valium = try #require(record.drugs.first { $0.name == "diazepam" }, "\(record.drugs.map(\.name))")
        let anxiety = try #require(valium.facts.first { $0.type == .indication && $0.value == "anxiety" })
        #expect(!anxiety.negated)
        let evidence = try #require(anxiety.evidence.first)
        #expect(evidence.section == "what valium is and what it is used for")
        let raw = Self.string(input.bytes[evidence.start..<evidence.end])
        #expect(raw == evidence.text)
        #expect(raw.contains("anxiety"))
        for fact in record.drugs.flatMap(\.facts) where fact.source == "text" {
            for evidence in fact.evidence {
                #expect(Self.string(input.bytes[evidence.start..<evidence.end]) == evidence.text)
            }
        }
    }
}
