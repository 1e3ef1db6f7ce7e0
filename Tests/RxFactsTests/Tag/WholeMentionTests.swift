import Testing
@testable import RxFacts

/// Whole mentions of issue 11 (SPL-ADR, LabeledIn span boundaries): type modifiers, severity
/// ranges that belong to a symptom only, a site that makes a finding of the word after it, and a
/// short form defined after a long form that starts with a type word. Short texts written for
/// these tests.
@Suite struct WholeMentionTests {
    @Test func typeWordsBelongToTheMention() throws {
        let found = try TaggerTests.terms(
            "Indicated for primary hypothyroidism and secondary bacterial infections of the skin.")
        #expect(found.contains("primary hypothyroidism"))
        #expect(found.contains("secondary bacterial infections of the skin"))
    }

    @Test func aPostModifierNeedsNoArticle() throws {
        #expect(try TaggerTests.terms("Reports included swelling of tongue.") == ["swelling of tongue"])
    }

    @Test func aSeverityRangeJoinsASymptomNotADisease() throws {
        #expect(try TaggerTests.terms("For the relief of moderate to severe pain.") == ["moderate to severe pain"])
        #expect(try TaggerTests.terms("Studied in patients with moderate to severe rosacea.") == ["rosacea"])
    }

    @Test func aSiteMakesAFindingOfTheWordAfterIt() throws {
        let doc = try TestSupport.analyze(
            "Reactions included injection site warmth and application site discoloration.")
        let lexicon = TestSupport.pipeline.knowledge.lexicon
        let findings = doc.terms.filter { lexicon.entry(of: $0, kinds: ["effect"]) != nil }.map { doc.string($0.range) }
        #expect(findings == ["injection site warmth", "application site discoloration"])
        // A function word after the site is no finding.
        let plain = try TestSupport.analyze("Rotate the injection site with each dose.")
        #expect(plain.terms.allSatisfy { lexicon.entry(of: $0, kinds: ["effect"]) == nil })
    }

    @Test func aShortFormMayLeaveOutLeadingTypeWords() throws {
        let doc = try TestSupport.analyze(
            "Indicated for primary restless legs syndrome (RLS). Symptoms of RLS worsen at night.")
        let lexicon = TestSupport.pipeline.knowledge.lexicon
        let short = doc.terms.filter { doc.string($0.range) == "RLS" }
        #expect(short.count == 2)
        #expect(
            short.allSatisfy {
                lexicon.entry(of: $0, kinds: ["condition"])?.canonical
                    == lexicon.entry(of: doc.terms[0], kinds: ["condition"])?.canonical
            })
        // A laboratory change is no long form of the analyte's short form.
        let lab = try TestSupport.analyze(
            "Elevations in alanine aminotransferase (ALT) occurred. ALT returned to normal.")
        #expect(
            !lab.terms.contains { lab.string($0.range) == "ALT" && lexicon.entry(of: $0, kinds: ["effect"]) != nil })
    }

    @Test func coordinatedSiteWordsShareTheirHead() throws {
        let found = try TaggerTests.terms("Indicated for skin and soft tissue infections.")
        #expect(found == ["skin and soft tissue infections"])
        // Where each conjunct is a term of its own, both are kept.
        let record = try TestSupport.record(
            "Sildenafil is a PDE5 inhibitor.\n\n# Adverse reactions\n\nSubarachnoid and intracerebral hemorrhages have been reported.\n"
        )
        #expect(record.fact(.adverseEffect, "subarachnoid hemorrhage") != nil)
        #expect(record.fact(.adverseEffect, "cerebral hemorrhage") != nil)
    }

    @Test func aGenusBeforeItsSpeciesIsTheOrganism() throws {
        let found = try TaggerTests.terms("Inclusion conjunctivitis caused by Chlamydia trachomatis.")
        #expect(!found.contains("Chlamydia"))
        #expect(found.contains("Inclusion conjunctivitis") || found.contains("conjunctivitis"))
    }

    @Test func aShortFormMayLeaveOutASeverityRange() throws {
        let doc = try TestSupport.analyze(
            "For moderate to severe restless legs syndrome (RLS). Symptoms of RLS worsen at night.")
        let lexicon = TestSupport.pipeline.knowledge.lexicon
        #expect(
            doc.terms.filter {
                doc.string($0.range) == "RLS" && lexicon.entry(of: $0, kinds: ["condition", "effect"]) != nil
            }.count == 2)
    }
}
