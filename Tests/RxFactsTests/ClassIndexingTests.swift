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
        let entries = document.classIndex
        #expect(entries.map(\.nui) == ["N0000010217", "N0000175984", "N0000009801", "N0000175879", "N0000007909"])
        #expect(entries.map(\.classType) == ["MoA", "EPC", "PE", "EPC", "Chemical/Ingredient"])
        #expect(entries.allSatisfy { $0.substance == "METHOXSALEN" && $0.unii == "U4VJ29L7BQ" })
        let psoralen = try #require(entries.first { $0.nui == "N0000175879" })
        #expect(psoralen.className == "Psoralen")
        #expect(XMLTestSupport.string(input.bytes[psoralen.provenance.range]) == "Psoralen [EPC]")
        #expect(psoralen.provenance.path.hasSuffix("/asSpecializedKind[4]/generalizedMaterialKind/code/@displayName"))
    }

    @Test func tildrakizumabClasses() throws {
        let document = try SPLIngester().ingest(try XMLTestSupport.corpusFile("4ad64379-4281-4d60-bf5f-655931ceba13.xml"))
        let entries = document.classIndex
        #expect(entries.count == 2)
        #expect(entries[0].className == "Interleukin-23 Antagonist" && entries[0].classType == "EPC" && entries[0].nui == "N0000192799")
        #expect(entries[1].className == "Interleukin-23 Antagonists" && entries[1].classType == "MoA" && entries[1].nui == "N0000192798")
        #expect(entries.allSatisfy { $0.substance == "TILDRAKIZUMAB" && $0.unii == "DEW6X41BEK" })
    }
}
