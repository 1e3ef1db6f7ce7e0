import Foundation
import Testing
@testable import RxFacts

/// Every record says which rxfacts version, pipeline (fingerprint of its files) and vocabulary
/// releases produced it; nothing in it depends on time, so reruns stay byte-identical.
@Suite struct ProvenanceTests {
    @Test func recordsCarryVersionPipelineFingerprintAndReleases() throws {
        let record = try TestSupport.record("Diazepam belongs to the benzodiazepine class.")
        let provenance = try #require(record.provenance)
        #expect(provenance.rxfacts == RxFactsVersion.current)
        #expect(provenance.pipeline == "default")
        let fingerprint = try #require(provenance.fingerprint)
        #expect(fingerprint.count == 16 && fingerprint.allSatisfy(\.isHexDigit))
        // From Pipelines/lexicons/releases.yaml, for the files default.yaml loads.
        #expect(provenance.vocabularies?["dea-controlled-substances"] == "2024-09-13")
        #expect(provenance.vocabularies?["disease-ontology"] == "2026-07-31")
        #expect(provenance.vocabularies?["hpo"] == "2025-01-16")
        // interactions.tsv is not loaded by the default pipeline: its source is not claimed.
        #expect(provenance.vocabularies?["onc-ddi-lists"] == nil)
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let input = SourceInput(
            path: TestSupport.seedPath, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.seedPath))))
        let first = try TestSupport.pipeline.extractLine(input)
        let second = try Pipeline.load(contentsOf: TestSupport.path("Pipelines/default.yaml")).extractLine(input)
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains(#","provenance":{"rxfacts":""#))
    }

    /// A copy of the core pipeline in a temporary folder: same files, same fingerprint wherever
    /// they are installed; one changed byte in a lexicon, another fingerprint.
    @Test func fingerprintFollowsTheFilesNotTheirLocation() throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("rxfacts-provenance-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        try fm.createDirectory(at: folder.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
        try fm.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        for file in [
            "core.yaml", "lexicons/core.tsv", "rules/facts.yaml", "rules/context.yaml", "rules/subject.yaml",
            "rules/sections.yaml",
            "rules/abbreviations.txt",
        ] {
            try fm.copyItem(
                atPath: TestSupport.path("Pipelines/\(file)"), toPath: folder.appendingPathComponent(file).path)
        }
        let original = try Pipeline.load(contentsOf: TestSupport.path("Pipelines/core.yaml")).provenance
        let copy = try Pipeline.load(contentsOf: folder.appendingPathComponent("core.yaml").path).provenance
        #expect(original.fingerprint != nil)
        #expect(copy == original)
        // The core lexicon is hand-written: no vocabulary release to name.
        #expect(copy.vocabularies == nil)

        let lexicon = folder.appendingPathComponent("lexicons/core.tsv")
        try (try String(contentsOf: lexicon, encoding: .utf8) + "\n").write(
            to: lexicon, atomically: true, encoding: .utf8)
        let changed = try Pipeline.load(contentsOf: folder.appendingPathComponent("core.yaml").path).provenance
        #expect(changed.fingerprint != original.fingerprint)
        #expect(changed.pipeline == "core")
    }

    /// A DEA schedule the lexicon adds is a US fact as of the list's date; a class the lexicon adds
    /// is an FDA (US) class. Facts read in the text get neither.
    @Test func lexiconFactsNameJurisdictionAndDate() throws {
        let record = try TestSupport.record(
            "Alprazolam is used to treat anxiety. Alprazolam belongs to the benzodiazepine class.",
            path: "alprazolam.txt")
        let schedule = try #require(record.fact(.schedule, "CIV"))
        #expect(schedule.source.hasPrefix("lexicon:"))
        #expect(schedule.qualifiers?["jurisdiction"] == ["US"])
        #expect(schedule.qualifiers?["as-of"] == ["2024-09-13"])
        let stated = try #require(record.fact(.drugClass, "benzodiazepine"))
        #expect(stated.source == "text")
        #expect(stated.qualifiers?["jurisdiction"] == nil)
        #expect(
            PipelineProvenance.isDate("2020-09-08") && PipelineProvenance.isDate("2014")
                && !PipelineProvenance.isDate("a@b"))
    }

    @Test func aPipelineBuiltFromItsDefinitionHasTheSameProvenance() throws {
        let loaded = TestSupport.pipeline
        let built = try Pipeline(definition: loaded.definition)
        #expect(built.provenance == loaded.provenance)
        #expect(built.provenance.fingerprint != nil)
    }
}
