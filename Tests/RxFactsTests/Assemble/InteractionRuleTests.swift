import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// `combination.interaction` (Pipelines/rules/facts.yaml): interaction prose as in DrugBank and
/// SPL Clinical Pharmacology names a combination when the sentence names the document's drug,
/// another drug and an interaction phrase. Short texts written for these tests.
@Suite struct InteractionRuleTests {
    static let text = """
        Diazepam is a benzodiazepine used for anxiety.
        Coadministration of ketoconazole increased the plasma concentrations of diazepam.
        No interaction between diazepam and digoxin was observed.
        Ketoconazole increases the plasma levels of cimetidine.
        Diazepam, like lorazepam, is used for muscle spasms.
        """

    @Test func anInteractionPhraseWithTheDocumentDrugNamesACombination() throws {
        let record = try TestSupport.record(Self.text)
        #expect(record.drugs.map(\.name) == ["diazepam"])
        let ketoconazole = try #require(record.fact(.combination, "ketoconazole"))
        #expect(ketoconazole.rule == "combination.interaction")
        #expect(!ketoconazole.negated)
    }

    @Test func noInteractionIsANegatedCombination() throws {
        let record = try TestSupport.record(Self.text)
        #expect(record.factKeys.contains("combination:digoxin!"))
        #expect(!record.factKeys.contains("combination:digoxin"))
    }

    @Test func pairsWithoutTheDocumentDrugOrWithoutAnInteractionPhraseAreNot() throws {
        let record = try TestSupport.record(Self.text)
        // "Ketoconazole increases the plasma levels of cimetidine": a pair of two other drugs.
        #expect(record.fact(.combination, "cimetidine") == nil)
        // "Diazepam, like lorazepam, is used for …": no interaction phrase.
        #expect(record.fact(.combination, "lorazepam") == nil)
    }

    @Test func evalLeavesNegatedCombinationsOut() throws {
        let extractor = PipelineMentionExtractor(pipeline: TestSupport.pipeline)
        let mentions = try extractor.mentions(in: Array(Self.text.utf8), title: "Diazepam")
        let combinations = Set(mentions.filter { $0.type == .combination }.map(\.value))
        #expect(combinations == ["ketoconazole"])
    }
}

/// An efficacy statement compares treatments and names no dangerous combination, whatever words
/// of caution stand beside it (a general mechanism: `blocked_by` on the combination rule, no
/// phrase of the seed leaflet in the lexicon or context rules).
@Suite struct EfficacyStatementTests {
    @Test func anEfficacyComparisonIsNoCombination() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine used for muscle spasm.
            Diazepam combined with NSAIDs provides no additional benefit in back pain, and careful trials are lacking.
            """)
        #expect(record.fact(.combination, "nsaid") == nil)
    }

    @Test func theSameWordsWithoutAComparisonStillNameACombination() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine used for muscle spasm.
            Diazepam combined with NSAIDs needs careful monitoring.
            """)
        #expect(record.fact(.combination, "nsaid") != nil)
    }
}

/// Interaction prose names its cues in any inflection and in pharmacokinetic nouns, and says
/// when there is no interaction.
@Suite struct InteractionWordingTests {
    @Test func pharmacokineticNounsAreInteractionWording() throws {
        let record = try TestSupport.record(
            "Coadministering diazepam with cimetidine reduced the absorption of diazepam.")
        #expect(record.fact(.combination, "cimetidine") != nil)
    }

    @Test func anUnalteredPharmacokineticsIsNoInteraction() throws {
        let record = try TestSupport.record(
            "Coadministration of ketoconazole did not alter the pharmacokinetics of diazepam.")
        #expect(record.fact(.combination, "ketoconazole") == nil)
    }

    /// A long list of combinations keeps going through a label right before its drug ("the
    /// hepatitis C protease inhibitor telaprevir") and through "plus" ("saquinavir plus ritonavir").
    @Test func aListGoesOnThroughLabelsAndPlus() throws {
        let record = try TestSupport.record(
            """
            Atorvastatin is a statin. The risk of myopathy during treatment with atorvastatin is increased with \
            concurrent administration of cyclosporine, the hepatitis C protease inhibitor telaprevir, saquinavir plus \
            ritonavir, fibric acid derivatives, or azole antifungals.
            """)
        let combinations = Set(record.drugs.flatMap(\.facts).filter { $0.type == .combination }.map(\.value))
        #expect(
            combinations.isSuperset(of: [
                "cyclosporine", "telaprevir", "saquinavir", "ritonavir", "fibrate", "azole antifungal",
            ]))
        #expect(!combinations.contains("hepatitis c"))
    }
}
