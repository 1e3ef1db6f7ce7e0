import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Section-limited rules of Pipelines/rules/facts.yaml (issues 3 and 5): adverse effects in
/// Adverse Reactions / Warnings and Precautions / Boxed Warning sections, indications in
/// Indications and Usage, combinations listed in an interactions section. Short leaflet-like
/// texts written for these tests.
@Suite struct SectionRuleTests {
    /// Runs `text` with its sections declared as an SPL would: (name, first line, last line
    /// exclusive) per section, nested sections lying inside their parent's range.
    static func record(_ text: String, sections: [(String, Range<Int>)], products: [String] = []) throws -> Record {
        let pipeline = TestSupport.pipeline
        var ingested = try pipeline.ingest(SourceInput(path: "declared.txt", bytes: Array(text.utf8)))
        ingested.sections = sections.map { SectionSpan(name: $0.0, range: $0.1) }
        ingested.products = products.map { Product(name: $0, ingredients: [Ingredient(name: $0, unii: nil)]) }
        let doc = pipeline.analyze(ingested: ingested)
        return Record(document: doc.ingested.info, drugs: doc.drugs)
    }

    static func range(of part: String, in text: String) -> Range<Int> {
        let bytes = Array(text.utf8)
        let needle = Array(part.utf8)
        for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
            return start..<start + needle.count
        }
        fatalError("\(part) not in text")
    }

    @Test func conditionsInAnAdverseReactionsSectionAreAdverseEffects() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine.

            # Adverse reactions

            Tuberculosis and headache were reported in clinical trials.
            """)
        #expect(record.fact(.adverseEffect, "tuberculosis")?.rule == "adverse-effect.section")
        #expect(record.fact(.adverseEffect, "headache") != nil)
    }

    @Test func warningsAndBoxedWarningSectionsNameAdverseEffects() throws {
        let warnings = "Serious infections\nTuberculosis has occurred in patients treated with diazepam.\n"
        let boxed = "WARNING: pancreatitis has been fatal.\n"
        let text = "Diazepam is a benzodiazepine.\n\n" + boxed + "\n" + warnings
        let record = try Self.record(
            text,
            sections: [
                ("boxed warning", Self.range(of: boxed, in: text)),
                // "serious infections" is a subsection inside "warnings and cautions" (LOINC 43685-7).
                ("warnings and cautions", Self.range(of: warnings, in: text)),
                (
                    "serious infections",
                    Self.range(of: "Tuberculosis has occurred in patients treated with diazepam.\n", in: text)
                ),
            ])
        #expect(record.fact(.adverseEffect, "tuberculosis")?.rule == "adverse-effect.warning-section")
        #expect(record.fact(.adverseEffect, "pancreatitis")?.evidence.first?.section == "boxed warning")
    }

    @Test func sameTermsOutsideThoseSectionsAreNotAdverseEffects() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine.

            # Before you take diazepam

            Tell your doctor if you ever had tuberculosis.
            """)
        #expect(record.fact(.adverseEffect, "tuberculosis") == nil)
    }

    @Test func indicationsSectionTakesConditionsWithoutACue() throws {
        let text =
            "Diazepam is a benzodiazepine.\n\nEpilepsy\nAdjunctive therapy in partial-onset seizures.\nDiazepam is not indicated for hypertension.\n"
        let body = Self.range(of: "Epilepsy\nAdjunctive", in: text).lowerBound..<text.utf8.count
        let record = try Self.record(text, sections: [("indications and usage", body)])
        #expect(record.fact(.indication, "partial-onset seizures")?.rule == "indication.section")
        // Negation still applies inside the section.
        #expect(record.factKeys.contains("indication:hypertension!"))
        #expect(!record.factKeys.contains("indication:hypertension"))
    }

    @Test func classesListedUnderOtherMedicinesAreCombinations() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine used for anxiety.

            # Other medicines and Diazepam

            Tell your doctor if you are taking:
            - antihistamines
            - opioids
            """)
        #expect(record.fact(.combination, "antihistamine") != nil)
        #expect(record.fact(.combination, "opioid") != nil)
        // The leaflet's own class is not a combination with itself.
        #expect(record.fact(.combination, "benzodiazepine") == nil)
    }

    @Test func classesOutsideAnInteractionsSectionNeedACue() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine used for anxiety.

            # Storage

            Keep antihistamines and opioids away from children.
            """)
        #expect(record.fact(.combination, "antihistamine") == nil)
    }

    @Test func evalExtractorDeclaresTheGoldSection() throws {
        let extractor = PipelineMentionExtractor(pipeline: TestSupport.pipeline)
        let text = Array("Tuberculosis was reported in 2% of patients.".utf8)
        // Plain text without a heading: no section rule applies, and no drug is named.
        #expect(try extractor.mentions(in: text, title: "NEWBRAND").isEmpty)
        // Declared as the label's Adverse Reactions section, with the label's product as subject.
        let mentions = try extractor.mentions(in: text, title: "NEWBRAND", section: "adverse reactions")
        #expect(mentions.map(\.value) == ["tuberculosis"])
        #expect(mentions.first?.subject == "newbrand")
    }

    @Test func splADRSectionNamesFollowTheSPLIngester() {
        #expect(SPLADRGold.canonicalSection("boxed warnings") == "boxed warning")
        #expect(SPLADRGold.canonicalSection("warnings and precautions") == "warnings and cautions")
        #expect(SPLADRGold.canonicalSection("adverse reactions") == "adverse reactions")
    }
}
