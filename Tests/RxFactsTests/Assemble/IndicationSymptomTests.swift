import Testing
@testable import RxFacts

/// Symptoms as indications in an SPL Indications and Usage section (rule
/// `indication.section-symptom`, issue 11): a symptom the section says the drug treats or
/// prevents is an indication; a symptom that describes the condition is not, nor is a generic
/// "infections" (`exclude_values`). Short texts written for these tests.
@Suite struct IndicationSymptomTests {
    static func indications(_ body: String) throws -> Set<String> {
        let record = try TestSupport.record("Ondansetron is an antiemetic.\n\n# Indications and usage\n\n" + body)
        return Set((record.drugs.first?.facts ?? []).filter { $0.type == .indication && !$0.negated }.map(\.value))
    }

    @Test func aSymptomTheDrugPreventsIsAnIndication() throws {
        let found = try Self.indications("Prevention of nausea and vomiting associated with cancer chemotherapy.\n")
        #expect(found.contains("nausea"))
        #expect(found.contains("vomiting"))
    }

    @Test func aSymptomDescribingTheConditionIsNone() throws {
        let found = try Self.indications("Symptoms of depression include depressed mood and fatigue.\n")
        #expect(!found.contains("fatigue"))
    }

    @Test func genericInfectionsAreNoIndication() throws {
        let found = try Self.indications(
            "Indicated for the treatment of the following infections caused by susceptible bacteria.\n")
        #expect(!found.contains("infections"))
    }

    @Test func excludedValuesAreReadFromTheRulePack() throws {
        let rule = TestSupport.pipeline.knowledge.factRules.rules.first { $0.id == "indication.section-symptom" }
        #expect(rule?.excludedValues == ["infections", "death"])
    }
}
