import Testing
@testable import RxFacts

/// The tag stage's whole mentions: modifiers, laboratory changes, body-system headings, the
/// text's own abbreviations and names with a glued trademark sign.
@Suite struct TaggerTests {
    /// The text of each term of `kinds` in `text`, in order.
    static func terms(_ text: String, kinds: [String] = ["effect", "condition"]) throws -> [String] {
        let doc = try TestSupport.analyze(text)
        let lexicon = TestSupport.pipeline.knowledge.lexicon
        return doc.terms.filter { lexicon.entry(of: $0, kinds: kinds) != nil }.map { doc.string($0.range) }
    }

    @Test func siteAndTypeModifiersBelongToTheMention() throws {
        let found = try Self.terms(
            "Adverse reactions were injection site erythema, edema peripheral and osteonecrosis of the jaw.")
        #expect(found == ["injection site erythema", "edema peripheral", "osteonecrosis of the jaw"])
    }

    @Test func aLaboratoryChangeIsAFinding() throws {
        let doc = try TestSupport.analyze(
            "Elevations of ALT and serum creatinine increased were reported in 2% of patients.")
        let lexicon = TestSupport.pipeline.knowledge.lexicon
        let findings = doc.terms.compactMap { term in
            lexicon.entry(of: term, kinds: ["effect"]).map { (doc.string(term.range), $0.canonical) }
        }
        #expect(findings.map(\.0) == ["Elevations of ALT", "serum creatinine increased"])
        #expect(findings.allSatisfy { $0.1 == "increased laboratory value" })
    }

    @Test func aMeasurementWithoutAChangeIsNoEffect() throws {
        #expect(try Self.terms("Blood pressure should be monitored during treatment.").isEmpty)
    }

    @Test func aBodySystemHeadingIsNoReaction() throws {
        #expect(try Self.terms("Gastrointestinal disorders: nausea, vomiting.") == ["nausea", "vomiting"])
    }

    @Test func theTextsOwnAbbreviationNamesItsLongForm() throws {
        let doc = try TestSupport.analyze(
            "Progressive multifocal leukoencephalopathy (PML) has occurred. Cases of PML were fatal.")
        let lexicon = TestSupport.pipeline.knowledge.lexicon
        let pml = doc.terms.filter { doc.string($0.range) == "PML" }
        #expect(pml.count == 2)
        #expect(
            pml.allSatisfy {
                lexicon.entry(of: $0, kinds: ["effect", "condition"])?.canonical
                    == "progressive multifocal leukoencephalopathy"
            })
    }

    @Test func aGluedTrademarkSignStillNamesTheDrug() throws {
        let doc = try TestSupport.analyze(
            "Agents that have decreased plasma levels in the presence of EQUETROTM include alprazolam.")
        let lexicon = TestSupport.pipeline.knowledge.lexicon
        #expect(
            doc.terms.contains { doc.string($0.range) == "EQUETROTM" && lexicon.drugNames(of: $0) == ["carbamazepine"] }
        )
    }
}
