import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Section qualifiers (issue 3) and the `contraindication` section rule of
/// Pipelines/rules/facts.yaml: facts read in a Boxed Warning get `severity: boxed-warning`,
/// facts read in a Contraindications / "Do not use" section or in a sentence saying
/// "contraindicated" get `severity: contraindicated`. Short leaflet-like texts written for these tests.
@Suite struct SectionQualifierTests {
    @Test func boxedWarningFactsGetSeverityOthersDoNot() throws {
        let boxed =
            "WARNING: Diazepam is a benzodiazepine. Pancreatitis has been fatal in patients treated with diazepam.\n"
        let reactions = "Headache is common.\n"
        let text = boxed + "\n" + reactions
        let record = try SectionRuleTests.record(
            text,
            sections: [
                ("boxed warning", SectionRuleTests.range(of: boxed, in: text)),
                ("adverse reactions", SectionRuleTests.range(of: reactions, in: text)),
            ])
        #expect(record.fact(.adverseEffect, "pancreatitis")?.qualifiers?["severity"] == ["boxed-warning"])
        let headache = try #require(record.fact(.adverseEffect, "headache"))
        #expect(headache.qualifiers?["severity"] == nil)
        // Only the listed fact types: a class is not a severity.
        let drugClass = try #require(record.fact(.drugClass, "benzodiazepine"))
        #expect(drugClass.qualifiers == nil)
    }

    @Test func contraindicationsSectionNamesConditionsNeitherNegatedNorHedged() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine.

            # Contraindications

            Do not use diazepam if you have myasthenia gravis or severe liver disease.
            """)
        let myasthenia = try #require(record.fact(.contraindication, "myasthenia gravis"))
        #expect(!myasthenia.negated)
        #expect(!myasthenia.hedged)
        #expect(myasthenia.rule == "contraindication.section")
        #expect(myasthenia.qualifiers?["severity"] == ["contraindicated"])
        // Severity is part of the state: "severe liver disease" is severe hepatic impairment.
        #expect(record.fact(.contraindication, "severe hepatic impairment") != nil)
    }

    @Test func sameConditionsOutsideContraindicationsAreNoContraindication() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine.

            # How to take diazepam

            Tell your doctor if you have myasthenia gravis.
            """)
        #expect(!record.factKeys.contains { $0.hasPrefix("contraindication:") })
    }

    @Test func contraindicatedCueQualifiesTheFactsOfItsSentence() throws {
        let record = try TestSupport.record(
            """
            Diazepam is a benzodiazepine.

            # Other medicines and diazepam

            Use with opioids is contraindicated because of the risk of respiratory depression.
            Taking diazepam with alcohol increases the risk of drowsiness.
            """)
        let opioids = try #require(record.fact(.combination, "opioid"))
        #expect(opioids.qualifiers?["severity"] == ["contraindicated"])
        let alcohol = try #require(record.fact(.combination, "alcohol"))
        #expect(alcohol.qualifiers?["severity"] == nil)
    }

    @Test func rulePackWithoutSectionQualifiersStillLoads() throws {
        let yaml = """
            schema: rxfacts-rules/1
            separators: [","]
            stops: ["."]
            rules:
              - {id: x.y, fact: class, cues: ["is a"], targets: [class]}
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-\(UUID().uuidString).yaml")
            .path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try YAMLFile.load(path)
        let pack = try file.decode(FactRulePack.self, shape: FactRulePack.shape)
        #expect(pack.sectionQualifiers == nil)
        var builder = KnowledgeBuilder()
        builder.factRules = (pack, file)
        let knowledge = try builder.build()
        #expect(knowledge.factRules.sectionQualifiers.isEmpty)
        #expect(knowledge.factRules.cueRoles.allSatisfy { $0.kind != .sentenceQualifier })
    }
}
