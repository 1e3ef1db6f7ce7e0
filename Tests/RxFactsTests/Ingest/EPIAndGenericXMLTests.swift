import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct EPIAndGenericXMLTests {
    @Test func fhirComposition() throws {
        let input = try XMLTestSupport.fixture("epi-composition.xml")
        #expect(try FormatDetector().detect(input) == .epi)
        let document = try EPIIngester().ingest(input)
        #expect(document.info.format == "epi")
        #expect(document.info.id == "EU/1/04/279")
        #expect(document.info.effectiveTime == "2024-03-01")
        #expect(document.info.documentType == "100000155538")
        #expect(
            document.info.title == "Package leaflet: Information for the patient \u{2014} Lyrica 25 mg hard capsules")
        #expect(
            document.info.sections == [
                "what lyrica is and what it is used for", "what you need to know before you take lyrica",
                "other medicines and lyrica",
            ])
        #expect(document.sections.map(\.level) == [1, 1, 2])
        #expect(
            XMLTestSupport.string(document.text[document.sections[0].range]) == """
                Lyrica belongs to a group of medicines used to treat epilepsy & neuropathic pain.

                Peripheral neuropathic pain
                Generalised Anxiety Disorder
                """)
        let other = document.sections[2]
        let sentence = XMLTestSupport.string(document.text[other.range])
        #expect(sentence == "Opioids such as morphine may increase drowsiness.")
        let source = document.textMap.sourceRange(other.range)
        #expect(XMLTestSupport.string(input.bytes[source]) == sentence)
    }

    @Test func genericXMLWithSectionMapping() throws {
        let input = try XMLTestSupport.fixture("generic-leaflet.xml")
        let mapping = try XMLSectionMapping(path: "//chapter", title: "heading", text: "body")
        let document = try XMLIngester(mappings: [mapping]).ingest(input)
        #expect(document.info.format == "xml")
        #expect(document.sections.map(\.name) == ["what examplol is used for", "possible side effects"])
        let effects = document.sections[1]
        let text = XMLTestSupport.string(document.text[effects.range])
        #expect(text == "Dizziness and headache are common.")
        #expect(XMLTestSupport.string(input.bytes[document.textMap.sourceRange(effects.range)]) == text)

        let byAttribute = try XMLSectionMapping(path: "/leaflet/chapter", title: "@label")
        let labelled = try XMLIngester(mappings: [byAttribute]).ingest(input)
        #expect(labelled.sections.map(\.name) == ["chapter", "side effects"])
    }

    @Test func genericXMLWithoutMappingKeepsAllText() throws {
        let document = try XMLIngester().ingest(try XMLTestSupport.fixture("generic-leaflet.xml"))
        #expect(document.sections.isEmpty)
        #expect(XMLTestSupport.string(document.text).contains("Examplol treats high blood pressure."))
    }

    @Test func badMappingPathIsAConfigurationError() {
        #expect(throws: InputError.self) { try XMLPath("//chapter[1]") }
        #expect(throws: InputError.self) { try XMLPath("@a/b") }
    }
}
