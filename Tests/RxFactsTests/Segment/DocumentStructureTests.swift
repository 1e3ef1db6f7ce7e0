import Testing
@testable import RxFacts

/// A leaflet read as a document: QRD headings found where layout alone would not say so, lists
/// governed by their lead-in, section roles deciding what a mention states. Short texts in the
/// shape of EU patient leaflets, written for these tests.
@Suite struct DocumentStructureTests {
    static let leaflet = """
        ## 1. What Zelmora is and what it is used for
        Zelmora contains the active substance duloxetine. Zelmora is used in adults to treat:
        * depression
        * generalised anxiety disorder

        ## 2. What you need to know before you take Zelmora
        DO NOT take Zelmora if you:

        are allergic to duloxetine or any of the other ingredients of this medicine

        have severe kidney disease

        are taking fluvoxamine which is usually used to treat depression

        Talk to your doctor if you have high blood pressure.

        Warnings and precautions
        Tell your doctor if you suffer from bipolar disorder.

        Other medicines and Zelmora
        Tell your doctor if you are taking any of the following:
        - medicines for fungal infections
        - tramadol, a medicine used to treat pain
        Zelmora may be taken with oral contraceptives.

        Zelmora with food, drink and alcohol
        Zelmora may be taken with or without food. Care should be taken if you drink alcohol.

        ## 3. How to take Zelmora
        How to switch from an antidepressant medicine (SSRI) to Zelmora?
        You may experience discontinuation symptoms related to stopping your previous medicine.
        Discontinuation symptoms include: dizziness, headache.
        """

    static var record: Record { get throws { try TestSupport.record(leaflet, path: "zelmora.txt") } }

    @Test func roleHeadingsBecomeSections() throws {
        let sections = try Self.record.document.sections ?? []
        #expect(sections.contains("do not take zelmora if you"))
        #expect(sections.contains("other medicines and zelmora"))
        #expect(sections.contains("zelmora with food, drink and alcohol"))
    }

    @Test func aLeadInGovernsItsListItems() throws {
        let record = try Self.record
        #expect(record.fact(.indication, "depression") != nil)
        #expect(record.fact(.indication, "generalized anxiety disorder") != nil)
    }

    @Test func doNotTakeItemsAreContraindications() throws {
        let record = try Self.record
        #expect(record.fact(.contraindication, "hypersensitivity") != nil)
        #expect(record.fact(.contraindication, "severe renal impairment") != nil)
        let fluvoxamine = try #require(record.fact(.combination, "fluvoxamine"))
        #expect(fluvoxamine.qualifiers?["severity"] == ["contraindicated"])
        // What another medicine is for, and advice, are no contraindications.
        #expect(record.fact(.contraindication, "depression") == nil)
        #expect(record.fact(.contraindication, "hypertension") == nil)
    }

    @Test func everythingNamedUnderOtherMedicinesIsACombination() throws {
        let record = try Self.record
        #expect(record.fact(.combination, "tramadol") != nil)
        // A medicine named by its purpose is its class; a purpose describing a named drug is not.
        #expect(record.fact(.combination, "antifungal agents") != nil)
        #expect(record.fact(.combination, "analgesic") == nil)
        // "may be taken with" says there is nothing to report.
        #expect(
            record.drugs.first?.facts.contains { $0.type == .combination && $0.value.contains("contracept") } == false)
        // Warnings name existing conditions, not combinations or indications.
        #expect(record.fact(.indication, "bipolar disorder") == nil)
    }

    @Test func foodAndAlcoholSectionNamesAlcohol() throws {
        #expect(try Self.record.fact(.combination, "alcohol") != nil)
    }

    @Test func withdrawalOfAMedicineSwitchedFromIsNotTheDrugs() throws {
        let record = try Self.record
        #expect(record.drugs.first?.facts.contains { $0.type == .withdrawal } == false)
    }

    @Test func oneSentenceNeverStatesAFactBothWays() throws {
        let record = try TestSupport.record(
            """
            Quetiapine is an antipsychotic. Quetiapine is not approved for the treatment of dementia-related psychosis \
            and is used to treat dementia only in trials.
            """)
        let facts = record.drugs.first?.facts.filter { $0.type == .indication && $0.value == "dementia" } ?? []
        #expect(!facts.isEmpty)
        #expect(facts.allSatisfy { $0.negated })
    }

    /// Where the leaflet says what the medicine is for, a sentence stating a purpose names every
    /// indication in it, not only the first after the cue; elsewhere the cue is still needed.
    @Test func aPurposeSentenceNamesEveryIndication() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Velqua is and what it is used for
            Velqua contains the active substance rufinamide. Velqua is used to treat seizures (fits) in patients             aged 2 years and over who have either a type of epilepsy called Dravet syndrome or one called             Lennox-Gastaut syndrome.

            ## 2. What you need to know before you take Velqua
            Velqua contains lactose. Patients with Dravet syndrome were also studied with another medicine.
            """, path: "velqua.txt")
        let indications = Set(record.drugs.first?.facts.filter { $0.type == .indication }.map(\.value) ?? [])
        #expect(indications.isSuperset(of: ["seizures", "dravet syndrome", "lennox-gastaut syndrome"]))
        let dravet = record.fact(.indication, "dravet syndrome")
        #expect(dravet?.evidence.allSatisfy { $0.section.hasPrefix("what velqua is") } == true)
    }

    /// A ban with its condition after "if", outside the "Do not take" section, and the lay words of
    /// a "Do not take X if you:" list; a sentence listing symptoms there names no contraindication.
    @Test func bansInProseAndLayWords() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Dabrix is and what it is used for
            Dabrix contains the active substance dabigatran etexilate.

            ## 2. What you need to know before you take Dabrix
            Do not take Dabrix
            * if you have an active or a recent ulcer of your stomach or bowel
            * if you have recent bleeding in your brain
            * if you have had recent surgery of the brain or eyes
            * if you are intoxicated with alcohol
            Dabrix may interact with medicines for depression. Symptoms are agitation, hallucinations, coma.

            Warnings and precautions
            You should not take Dabrix if you have serious liver problems. You should not be given this medicine when \
            breast-feeding.
            Talk to your doctor before taking Dabrix if you have kidney problems.
            """, path: "dabrix.txt")
        let contraindications = Set(record.drugs.flatMap(\.facts).filter { $0.type == .contraindication }.map(\.value))
        #expect(
            contraindications.isSuperset(of: [
                "gastrointestinal ulcer", "intracranial hemorrhage", "recent brain or eye surgery",
                "alcohol intoxication",
                "severe hepatic impairment", "breast-feeding",
            ]))
        #expect(contraindications.isDisjoint(with: ["hallucinations", "coma", "renal impairment"]))
    }

    /// Classes named by what they do, in lay words, under "Other medicines and X".
    @Test func classesNamedByWhatTheyDo() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Zelmora is and what it is used for
            Zelmora contains the active substance duloxetine.

            Other medicines and Zelmora
            Tell your doctor if you are taking:
            - Medicines that cause sleepiness
            - Medicines that increase the level of serotonin
            - medicines which lower your blood pressure and heart rate
            - anti-inflammatory and pain-relieving medicines (e.g. naproxen)
            """, path: "zelmora.txt")
        let combinations = Set(record.drugs.flatMap(\.facts).filter { $0.type == .combination }.map(\.value))
        #expect(
            combinations.isSuperset(of: ["cns depressant", "serotonergic drug", "antihypertensive agents", "nsaid"]))
    }

    /// A class that labels a drug beside it explains the drug; the drug is the combination.
    @Test func aLabelOfANamedDrugIsNoSecondCombination() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Zelmora is and what it is used for
            Zelmora contains the active substance duloxetine.

            Other medicines and Zelmora
            Tell your doctor if you are taking any of the following:
            - linezolid (an antibiotic)
            - the antibiotic clarithromycin
            - tramadol, a medicine used to treat pain
            - antibiotics such as ciprofloxacin
            """, path: "zelmora.txt")
        let combinations = Set(record.drugs.flatMap(\.facts).filter { $0.type == .combination }.map(\.value))
        #expect(
            combinations.isSuperset(of: ["linezolid", "clarithromycin", "tramadol", "ciprofloxacin", "antibiotic"]))
        let antibiotic = record.fact(.combination, "antibiotic")
        #expect(antibiotic?.evidence.allSatisfy { $0.text.lowercased().hasPrefix("antibiotics") } == true)
        #expect(record.fact(.combination, "analgesic") == nil)
    }

    /// A plain subheading under a numbered QRD heading reads with that heading's roles; a condition
    /// named by a label ("a type of pain called …", "…, a brain disorder") is one indication; "may
    /// or may not" is no negation.
    @Test func subheadingsLabelsAndUndecidedWording() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Velqua is and what it is used for
            Velqua contains the active substance rufinamide. Velqua is used to treat a type of pain called \
            breakthrough pain in adults. It is also used to treat partial seizures, which may or may not be followed \
            by generalised seizures. Velqua is used to treat Alzheimer's disease, a progressive brain disorder.

            ## 3. How to take Velqua
            Always take this medicine exactly as your doctor has told you.

            Once you have found the right dose
            Your doctor may use Velqua to treat migraine when the dose is right.
            Velqua should not be used by elderly patients with dementia.
            """, path: "velqua.txt")
        #expect(record.document.sections?.contains("once you have found the right dose") == true)
        let facts = record.drugs.flatMap(\.facts)
        let indications = Set(facts.filter { $0.type == .indication }.map(\.value))
        #expect(indications == ["breakthrough pain", "partial-onset seizures", "alzheimer's disease"])
        #expect(facts.allSatisfy { !$0.negated })
        // A ban under "How to take" still bans.
        #expect(record.fact(.contraindication, "dementia") != nil)
    }

    /// Risk factors and accompanying conditions say who the medicine is for, not what it treats.
    @Test func riskFactorsAreNoIndications() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Lixora is and what it is used for
            Lixora contains the active substance edoxaban. Lixora is used in adults to prevent stroke if you have an \
            irregular heart rhythm and at least one additional risk factor, such as heart failure or high blood pressure.
            Lixora is used to treat high blood pressure in children.
            """, path: "lixora.txt")
        let indications = record.drugs.flatMap(\.facts).filter { $0.type == .indication }
        #expect(Set(indications.map(\.value)).isSuperset(of: ["stroke", "hypertension"]))
        #expect(!indications.contains { $0.value == "heart failure" || $0.value == "congestive heart failure" })
        // High blood pressure is an indication by the second sentence only.
        let hypertension = try #require(record.fact(.indication, "hypertension"))
        #expect(hypertension.evidence.allSatisfy { $0.start > 250 })
    }

    /// An ellipsis in a list of bans names both conditions: "moderate or serious kidney problems".
    @Test func anEllipsisInAListNamesBothConditions() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Dabrix is and what it is used for
            Dabrix contains the active substance dabigatran etexilate.

            ## 2. What you need to know before you take Dabrix
            Warnings and precautions
            You should not take Dabrix if you have serious liver problems or moderate or serious kidney problems.
            """, path: "dabrix.txt")
        let contraindications = Set(record.drugs.flatMap(\.facts).filter { $0.type == .contraindication }.map(\.value))
        #expect(
            contraindications.isSuperset(of: [
                "severe hepatic impairment", "moderate renal impairment", "severe renal impairment",
            ]))
    }

    /// Bullets that text extraction ran into one line ("such as: * …; * …") are list items; a
    /// medicine named by what it prevents or lowers is its class; a role heading keeps its own role
    /// wherever it stands (no indication "malaria" under "Other medicines" right after section 1).
    @Test func inlineBulletsAndPurposeClasses() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Zelmora is and what it is used for
            Zelmora contains the active substance duloxetine.

            Other medicines and Zelmora
            Tell your doctor if you are taking medicines that may increase the risk of fits such as: * medicines \
            used to prevent malaria; * steroids (except creams); * medicines to lower sugar levels in your blood \
            (such as meglitinides).
            """, path: "zelmora.txt")
        let facts = record.drugs.flatMap(\.facts)
        let combinations = Set(facts.filter { $0.type == .combination }.map(\.value))
        #expect(combinations.isSuperset(of: ["antimalarial", "corticosteroid", "hypoglycemic agents", "glinide"]))
        #expect(!facts.contains { $0.type == .indication })
        #expect(record.document.sections?.contains("other medicines and zelmora") == true)
    }

    /// How an allergic reaction shows ("may be recognised as a rash … or shortness of breath")
    /// names no contraindication.
    @Test func signsOfAnAllergyAreNoBans() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Zelmora is and what it is used for
            Zelmora contains the active substance duloxetine.

            ## 2. What you need to know before you take Zelmora
            Do not take Zelmora
            * if you are allergic to duloxetine. An allergic reaction may be recognised as a rash, itching or \
            shortness of breath.
            * if you have glaucoma.
            """, path: "zelmora.txt")
        let contraindications = Set(record.drugs.flatMap(\.facts).filter { $0.type == .contraindication }.map(\.value))
        #expect(contraindications.isSuperset(of: ["hypersensitivity", "glaucoma"]))
        #expect(contraindications.isDisjoint(with: ["exanthem", "pruritus", "dyspnea", "shortness of breath"]))
    }

    /// An OTC "Uses" section: the symptoms a product relieves are what it is for, through inline
    /// bullets and an ellipsis ("nasal and sinus congestion").
    @Test func symptomsAnOTCProductRelievesAreIndications() throws {
        let record = try TestSupport.record(
            """
            Zyrtec contains cetirizine.

            Uses
            temporarily relieves these symptoms: • sneezing • runny nose • itchy nose • nasal and sinus congestion
            """, path: "zyrtec.txt")
        let indications = Set(record.drugs.flatMap(\.facts).filter { $0.type == .indication }.map(\.value))
        #expect(
            indications.isSuperset(of: ["sneezing", "runny nose", "itchy nose", "blocked nose", "sinus congestion"]))
    }
}
