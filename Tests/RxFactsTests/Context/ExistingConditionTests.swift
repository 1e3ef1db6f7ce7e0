import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// The `existing` ConText category (Pipelines/rules/context.yaml) and `skip_existing` of the
/// adverse-effect rules: conditions the patient already has ("in patients with …", "history
/// of …", "if you have …") named in a Warnings section are not adverse effects of the drug.
/// Short leaflet-like texts written for these tests.
@Suite struct ExistingConditionTests {
    static func warnings(_ body: String) throws -> Record {
        let text = "Diazepam is a benzodiazepine.\n\n" + body + "\n"
        return try SectionRuleTests.record(
            text, sections: [("warnings and cautions", SectionRuleTests.range(of: body, in: text))])
    }

    @Test func patientsWithAConditionIsNotAnAdverseEffect() throws {
        let record = try Self.warnings(
            "Use with caution in patients with myasthenia gravis. Pancreatitis has been reported with diazepam.")
        #expect(record.fact(.adverseEffect, "pancreatitis") != nil)
        #expect(record.fact(.adverseEffect, "myasthenia gravis") == nil)
    }

    @Test func historyOfAndPreExistingAreNotAdverseEffects() throws {
        let record = try Self.warnings(
            """
            Patients with a history of pancreatitis should be monitored. Diazepam may worsen pre-existing glaucoma.
            Headache was reported.
            """)
        #expect(record.fact(.adverseEffect, "pancreatitis") == nil)
        #expect(record.fact(.adverseEffect, "glaucoma") == nil)
        #expect(record.fact(.adverseEffect, "headache") != nil)
    }

    @Test func anAdverseEffectOutsideTheScopeInTheSameSentenceIsKept() throws {
        // The scope of "patients with" ends at its window: "pancreatitis" at the end is the effect.
        let record = try Self.warnings(
            "In clinical studies of elderly patients with myasthenia gravis who received diazepam for several weeks, cases of fatal pancreatitis occurred."
        )
        #expect(record.fact(.adverseEffect, "myasthenia gravis") == nil)
        #expect(record.fact(.adverseEffect, "pancreatitis") != nil)
    }

    @Test func ifYouHaveIsBothExistingAndConditional() throws {
        let doc = try TestSupport.analyze("Take diazepam only if you have anxiety.")
        let scopes = try #require(doc.scopes.first)
        let anxiety = try #require(doc.terms.first { doc.string($0.range) == "anxiety" })
        #expect(SentenceScopes.contains(scopes.existing, anxiety.range.lowerBound))
        #expect(SentenceScopes.contains(scopes.conditional, anxiety.range.lowerBound))
    }

    @Test func existingScopeDoesNotRemoveIndications() throws {
        // Indications name the patients' conditions: they keep them.
        let record = try TestSupport.record("Diazepam is used to treat patients with anxiety.")
        #expect(record.fact(.indication, "anxiety") != nil)
    }

    /// Causes to rule out in an Indications section are background, not indications.
    @Test func causesToRuleOutAreNoIndications() throws {
        let text = """
            Atorvastatin is a statin.

            Atorvastatin is indicated for the treatment of hypercholesterolemia. Before therapy, secondary causes \
            for hypercholesterolemia (e.g., poorly controlled diabetes mellitus, nephrotic syndrome) should be excluded.

            """
        let body = "Atorvastatin is indicated for the treatment of hypercholesterolemia."
        let record = try SectionRuleTests.record(
            text,
            sections: [
                ("indications and usage", SectionRuleTests.range(of: body, in: text).lowerBound..<text.utf8.count)
            ])
        let indications = Set(record.drugs.flatMap(\.facts).filter { $0.type == .indication }.map(\.value))
        #expect(indications.contains("hypercholesterolemia"))
        #expect(indications.isDisjoint(with: ["diabetes mellitus", "type 2 diabetes mellitus", "nephrotic syndrome"]))
    }
}
