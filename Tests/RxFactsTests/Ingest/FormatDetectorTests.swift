import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct FormatDetectorTests {
    private func detect(_ text: String, path: String = "x") throws(InputError) -> FormatDetector.Format {
        try FormatDetector().detect(SourceInput(path: path, bytes: Array(text.utf8)))
    }

    @Test func detectsByContentNotExtension() throws {
        #expect(
            try detect(
                "<?xml version=\"1.0\"?>\n<document xmlns=\"urn:hl7-org:v3\"><title/></document>", path: "label.txt")
                == .spl)
        #expect(try detect("<document><title/></document>", path: "label.xml") == .xml)  // no HL7 namespace
        #expect(try detect("<Bundle xmlns=\"http://hl7.org/fhir\"/>") == .epi)
        #expect(try detect("<fhir:Composition xmlns:fhir=\"http://hl7.org/fhir\"/>") == .epi)
        #expect(try detect("<leaflet/>", path: "a.txt") == .xml)
        #expect(try detect("PACKAGE LEAFLET\nWhat is in this leaflet", path: "leaflet.xml") == .text)
        #expect(try detect("\u{FEFF}PACKAGE LEAFLET") == .text)
        #expect(try detect("\u{FEFF}  <leaflet/>") == .xml)
        #expect(try detect("") == .text)
    }

    @Test func refusesUTF16AndNonLeafletFHIRJSON() throws {
        #expect(throws: InputError.self) {
            try FormatDetector().detect(SourceInput(path: "a", bytes: [0xFF, 0xFE, 0x3C, 0x00]))
        }
        #expect(throws: InputError.self) {
            try FormatDetector().detect(SourceInput(path: "a", bytes: [0x00, 0x3C, 0x00, 0x61]))
        }
        #expect(try detect("{\"resourceType\": \"Bundle\", \"entry\": []}", path: "epi.json") == .epiJSON)
        do {
            _ = try detect("{\"resourceType\": \"Observation\"}", path: "obs.json")
            Issue.record("FHIR Observation accepted")
        } catch {
            #expect(error.kind == .unsupportedFormat)
            #expect(error.path == "obs.json")
        }
    }

    @Test func textIngesterStillHandlesPlainText() throws {
        let document = try FormatDetector().ingest(SourceInput(path: "a.txt", bytes: Array("Take one tablet.".utf8)))
        #expect(document.info.format == "text")
    }
}
