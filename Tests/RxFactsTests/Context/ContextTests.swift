import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct ContextTests {
    @Test func negationScopeStopsAtTerminators() throws {
        let record = try TestSupport.record(
            "Diazepam is used for anxiety. Diazepam is not classified as an analgesic, but it is a benzodiazepine.")
        #expect(record.factKeys.contains("class:analgesic!"))
        #expect(record.factKeys.contains("class:benzodiazepine"))
        #expect(!record.factKeys.contains("class:benzodiazepine!"))
    }

    @Test func negationWindowIsBounded() throws {
        let record = try TestSupport.record(
            "Diazepam does not cure the underlying illness of the spine or joints in any way at all, and it is used for anxiety."
        )
        #expect(record.factKeys.contains("indication:anxiety"))
    }

    @Test func pseudoNegationDoesNotNegate() throws {
        let record = try TestSupport.record(
            "Diazepam is not only used for anxiety. Diazepam is used for muscle spasms.")
        #expect(record.factKeys.isSuperset(of: ["indication:anxiety", "indication:muscle spasm"]))
        #expect(!record.factKeys.contains("indication:anxiety!"))
    }

    @Test func notApprovedForReachesTheConditionFarAfterIt() throws {
        let record = try TestSupport.record(
            """
            Olanzapine is used to treat schizophrenia. Olanzapine is not approved for the treatment of elderly \
            patients with dementia-related psychosis and behavioural disturbances.
            """)
        #expect(record.factKeys.contains("indication:dementia!"))
        #expect(!record.factKeys.contains("indication:dementia"))
    }

    @Test func withAndWithoutIsNoNegation() throws {
        let record = try TestSupport.record(
            "In a study, clonazepam was administered with and without propantheline, and the AUC of clonazepam was 10% lower with propantheline."
        )
        #expect(record.factKeys.contains("combination:propantheline"))
    }

    @Test func hedgesMarkButKeepFacts() throws {
        let record = try TestSupport.record("Diazepam is a benzodiazepine. It may also be used for insomnia.")
        let fact = try #require(record.fact(.indication, "insomnia"))
        #expect(fact.hedged)
        #expect(!fact.negated)
    }

    @Test func anaphoraReferToTheDocumentDrug() throws {
        let record = try TestSupport.record("Diazepam is a medicine. It belongs to the benzodiazepine class.")
        #expect(record.drugs.map(\.name) == ["diazepam"])
        #expect(record.factKeys.contains("class:benzodiazepine"))
    }

    @Test func otherDrugsNamedInASentenceAreNotTheSubject() throws {
        let record = try TestSupport.record(
            """
            Diazepam is used for anxiety. Diazepam is prescribed for muscle spasms.
            Ibuprofen is a non-steroidal anti-inflammatory drug used for pain.
            Do not take it with fluvoxamine (another medicine used in the treatment of depression) because of the risk of sedation.
            """)
        #expect(record.drugs.map(\.name) == ["diazepam"])
        #expect(!record.factKeys.contains("class:nsaid"))
        #expect(!record.factKeys.contains("indication:pain"))
        #expect(!record.factKeys.contains("indication:depression"))
        #expect(record.factKeys.contains("combination:fluvoxamine"))
    }

    @Test func brandsResolveToTheirIngredient() throws {
        let record = try TestSupport.record("Valium is used for anxiety. Valium belongs to the benzodiazepines.")
        #expect(record.drugs.map(\.name) == ["diazepam"])
        #expect(record.drugs.first?.brands == ["valium"])
    }

    @Test func coordinationEllipsisExpands() throws {
        let record = try TestSupport.record("Diazepam can lead to physical or psychological dependence.")
        #expect(
            record.factKeys.isSuperset(of: ["dependence:physical dependence", "dependence:psychological dependence"]))
    }

    @Test func efficacyStatementsAreNotDangerousCombinations() throws {
        let record = try TestSupport.record(
            "Diazepam is used for anxiety. Adding diazepam to NSAIDs provides no additional benefit in improving pain.")
        #expect(!record.factKeys.contains("combination:nsaid"))
    }
}

@Suite struct RuleScopeTests {
    @Test func callingAnotherMedicineByItsClassIsNotTheDrugsClass() throws {
        let record = try TestSupport.record(
            """
            Duloxetine is used for depression.
            Do not take duloxetine if you take another medicine called a monoamine oxidase inhibitor.
            """)
        #expect(!record.factKeys.contains("class:maoi"))
    }

    @Test func interactionsAreNotReadInSideEffectSections() throws {
        let text = """
            Duloxetine is used for depression.

            Other medicines and duloxetine
            Duloxetine increases the blood levels of warfarin.

            Possible side effects
            Duloxetine may increase blood levels of potassium and cholesterol.
            """
        let record = try TestSupport.record(text)
        let combinations = record.drugs.first?.facts.filter { $0.type == .combination }.map(\.value) ?? []
        #expect(combinations.contains("warfarin"))
        #expect(!combinations.contains("potassium"))
        #expect(!combinations.contains("cholesterol"))
    }
}

@Suite struct DocumentNameTests {
    @Test func aLeafletNamedAfterItsDrugIsAboutThatDrug() throws {
        let text =
            "Citalopram is a racemate. Citalopram and citalopram metabolites are studied. Escitalopram is used for depression."
        let named = try TestSupport.record(text, path: "Escitalopram_ddi.txt")
        #expect(named.drugs.map(\.name) == ["escitalopram"])
        #expect(named.factKeys.contains("indication:depression"))
        // Without the name, the drug named most often is the subject.
        let unnamed = try TestSupport.record(text, path: "leaflet-17.txt")
        #expect(unnamed.drugs.map(\.name) == ["citalopram"])
    }
}
