import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Brand linking from the text (issue 4): "<Name> contains the active substance <drug>" makes
/// an unknown <Name> a brand of the drug, and later mentions of <Name> refer to the drug.
/// "Zelmora" and "Quintavex" are made-up names; the texts are written for these tests.
@Suite struct BrandLinkTests {
    static let zelmora = """
        # What Zelmora is and what it is used for

        Zelmora contains the active substance diazepam. Zelmora belongs to a group of medicines called benzodiazepines.

        # Possible side effects

        Zelmora may cause drowsiness.
        """

    @Test func anUnknownNameBeforeTheActiveSubstanceBecomesABrand() throws {
        let record = try TestSupport.record(Self.zelmora)
        #expect(record.drugs.map(\.name) == ["diazepam"])
        #expect(record.drugs.first?.brands == ["zelmora"])
    }

    @Test func laterMentionsOfTheBrandAreTheDrug() throws {
        let record = try TestSupport.record(Self.zelmora)
        // Both rules need the drug named before their cue: "Zelmora belongs to", "Zelmora may cause".
        let drugClass = try #require(record.fact(.drugClass, "benzodiazepine"))
        #expect(drugClass.rule == "class.group")
        #expect(drugClass.source == "text")
        #expect(record.fact(.adverseEffect, "drowsiness")?.rule == "adverse-effect.causes")
    }

    @Test func withoutTheLinkPhraseTheNameIsNobody() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a medicine. Zelmora belongs to a group of medicines called benzodiazepines.
            """)
        #expect(record.drugs.first?.brands == [])
        // Only the lexicon's class (enrich) remains: no text fact from "Zelmora belongs to".
        #expect(record.fact(.drugClass, "benzodiazepine")?.source != "text")
    }

    @Test func theBrandCountsTowardsTheDocumentsDrug() throws {
        // Ketoconazole is named twice, diazepam once: Quintavex's three mentions make diazepam the subject.
        let record = try TestSupport.record(
            """
            Diazepam, the active substance of Quintavex, calms the brain. Quintavex is used to treat anxiety.
            Ketoconazole can raise ketoconazole-sensitive levels. Tell your doctor before taking Quintavex.
            """)
        #expect(record.drugs.map(\.name) == ["diazepam"])
        #expect(record.drugs.first?.brands == ["quintavex"])
        #expect(record.fact(.indication, "anxiety") != nil)
    }

    @Test func pronounsAndKnownBrandsAreNotNewBrands() throws {
        let record = try TestSupport.record(
            """
            It contains the active substance diazepam. Valium contains the active substance diazepam.
            Each tablet contains the active substance diazepam.
            """)
        #expect(record.drugs.first?.brands == ["valium"])
    }

    @Test func linksAreFoundWithTheirMentions() throws {
        let doc = try TestSupport.analyze(Self.zelmora)
        let links = SubjectResolver(knowledge: TestSupport.pipeline.knowledge).brandLinks(in: doc)
        #expect(links.map(\.brand) == ["zelmora"])
        #expect(links.first?.drug == "diazepam")
        // Two sentences of section 1, one of section 2 (headings are not sentences).
        #expect(links.first?.mentions.count == 3)
        #expect(links.first?.mentions.allSatisfy { doc.string($0.range) == "Zelmora" } == true)
    }
}
