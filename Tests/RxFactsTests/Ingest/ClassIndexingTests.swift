import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct ClassIndexingTests {
    @Test func methoxsalenClasses() throws {
        let input = try XMLTestSupport.corpusFile("METHOXSALEN.xml")
        let document = try SPLIngester().ingest(input)
        #expect(document.info.documentType == SPLIngester.classIndexingDocumentType)
        #expect(document.products.map(\.name) == ["METHOXSALEN"])
        #expect(document.products.first?.ingredients.first?.unii == "U4VJ29L7BQ")
        // The ingester hands on EPC classes and mechanisms (not PE or chemical classes) as declared facts.
        let facts = document.declaredFacts
        #expect(facts.map(\.code) == ["nui:N0000010217", "nui:N0000175984", "nui:N0000175879"])
        #expect(facts.map(\.type) == [.mechanism, .drugClass, .drugClass])
        #expect(facts.allSatisfy { $0.rule == SPLIngester.classIndexRule && $0.source == "spl-metadata" })
        let psoralen = try #require(facts.first { $0.code == "nui:N0000175879" })
        #expect(psoralen.value == "psoralen")
        #expect(XMLTestSupport.string(input.bytes[psoralen.provenance.range]) == "Psoralen [EPC]")
        #expect(psoralen.provenance.path.hasSuffix("/asSpecializedKind[4]/generalizedMaterialKind/code/@displayName"))
    }

    @Test func tildrakizumabClasses() throws {
        let document = try SPLIngester().ingest(
            try XMLTestSupport.corpusFile("4ad64379-4281-4d60-bf5f-655931ceba13.xml"))
        let facts = document.declaredFacts
        #expect(facts.count == 2)
        #expect(
            facts[0].value == "interleukin-23 antagonist" && facts[0].type == .drugClass
                && facts[0].code == "nui:N0000192799")
        #expect(
            facts[1].value == "interleukin-23 antagonists" && facts[1].type == .mechanism
                && facts[1].code == "nui:N0000192798")
        #expect(document.products.first?.ingredients.first?.unii == "DEW6X41BEK")
    }
}
