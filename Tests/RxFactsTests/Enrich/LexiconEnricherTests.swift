import Foundation
import Testing
import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct LexiconEnricherTests {
    static let lexiconText = """
        # rxfacts-lexicon/1
        drug\tdiazepam\tdiazepam\trxcui:3322 unii:Q3JTX2Q7TU drugbank:DB00829\tclass=benzodiazepine;schedule=CIV
        drug\toxycodone\toxycodone\trxcui:7804\tclass=opioid agonist;jurisdiction=US;schedule=CII;schedule-as-of=2024-09-13;schedule-source=DEA controlled substances list 2020-09-08 with Federal Register scheduling actions to 2024-09-13
        class\tbenzodiazepine\tbenzodiazepines\tnui:N0000175694\ttype=EPC
        class\topioid agonist\topioid agonists\tnui:N0000175690\ttype=EPC

        """

    static func enricher() throws -> LexiconEnricher {
        LexiconEnricher(lexicon: try Lexicon.parse(Array(lexiconText.utf8), path: "Pipelines/lexicons/drugs.tsv"))
    }

    static func record(_ drug: DrugRecord) -> Record {
        Record(document: DocumentInfo(id: "x", source: "x.txt", format: "text"), drugs: [drug])
    }

    static func anchor(_ text: String) -> Evidence {
        Evidence(section: "main", start: 0, end: text.utf8.count, text: text)
    }

    @Test func addsScheduleAndClassWithLexiconSource() throws {
        let drug = DrugRecord(name: "oxycodone", codes: ["rxcui": "7804"], facts: [])
        let enriched = try Self.enricher().enrich(Self.record(drug), anchors: ["oxycodone": Self.anchor("OxyContin")])
            .drugs[0]
        let schedule = try #require(enriched.facts.first { $0.type == .schedule })
        #expect(schedule.value == "CII")
        #expect(schedule.source == "lexicon:drugs")
        // Evidence: the drug mention the lookup was made from, and the lexicon line it used.
        #expect(schedule.evidence.map(\.text) == ["OxyContin"])
        #expect(schedule.evidence.first?.path == "lexicons/drugs.tsv:3")
        // A schedule is one country's law at one date, and says where it was read.
        #expect(
            schedule.qualifiers == [
                "jurisdiction": ["US"], "as-of": ["2024-09-13"],
                "citation": [
                    "DEA controlled substances list 2020-09-08 with Federal Register scheduling actions to 2024-09-13"
                ],
            ])
        let drugClass = try #require(enriched.facts.first { $0.type == .drugClass })
        #expect(drugClass.value == "opioid agonist")
        #expect(drugClass.code == "nui:N0000175690")
        #expect(drugClass.source == "lexicon:drugs")
    }

    @Test func textFactsAreKeptAndNotDuplicated() throws {
        let stated = Fact(
            type: .schedule, value: "CIV", evidence: [Evidence(section: "s", start: 0, end: 11, text: "Schedule IV")],
            rule: "schedule.stated")
        let drug = DrugRecord(name: "diazepam", codes: ["rxcui": "3322"], facts: [stated])
        let enriched = try Self.enricher().enrich(Self.record(drug), anchors: ["diazepam": Self.anchor("diazepam")])
            .drugs[0]
        let schedules = enriched.facts.filter { $0.type == .schedule }
        #expect(schedules.count == 1)
        #expect(schedules[0].source == "text")
        // The class the text did not state is added from the lexicon.
        #expect(
            enriched.facts.contains {
                $0.type == .drugClass && $0.value == "benzodiazepine" && $0.source == "lexicon:drugs"
            })
        // Missing code systems are filled in; existing ones are kept.
        #expect(enriched.codes == ["rxcui": "3322", "unii": "Q3JTX2Q7TU", "drugbank": "DB00829"])
    }

    @Test func noFactsWithoutEvidence() throws {
        let drug = DrugRecord(name: "oxycodone", codes: ["rxcui": "7804"], facts: [])
        let enriched = try Self.enricher().enrich(Self.record(drug)).drugs[0]
        #expect(enriched.facts.isEmpty)
    }

    @Test func unknownDrugIsUnchanged() throws {
        let drug = DrugRecord(name: "unobtainium", facts: [])
        let record = Self.record(drug)
        #expect(try Self.enricher().enrich(record) == record)
    }
}

/// The seed leaflet through the full compiled lexicons (`Pipelines/default.yaml`).
@Suite struct FullLexiconPipelineTests {
    static let root = TestSupport.root

    static func seedRecord(_ pipelineFile: String) throws -> Record {
        let pipeline = try Pipeline.load(contentsOf: root.appendingPathComponent("Pipelines/\(pipelineFile)").path)
        let path = root.appendingPathComponent("Corpus/text/000_07aae011b33a312d.txt").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        return try pipeline.extract(SourceInput(path: path, bytes: [UInt8](bytes)))
    }

    @Test func seedFactsAreTheSameWithTheFullLexicons() throws {
        let core = try Self.seedRecord("core.yaml")
        let full = try Self.seedRecord("default.yaml")
        #expect(full.drugs.map(\.name) == ["diazepam"])
        #expect(Set(full.drugs[0].facts.map(\.key)) == Set(core.drugs[0].facts.map(\.key)))
    }

    @Test func enrichmentKeepsTextFactsAndAddsCodes() throws {
        let pipeline = try Pipeline.load(contentsOf: Self.root.appendingPathComponent("Pipelines/default.yaml").path)
        let record = try Self.seedRecord("default.yaml")
        let enriched = LexiconEnricher(lexicon: pipeline.knowledge.lexicon.lexicon).enrich(record)
        let diazepam = try #require(enriched.drugs.first)
        #expect(diazepam.codes["drugbank"] == "DB00829")
        // The seed states Schedule IV and the benzodiazepine class: nothing is duplicated.
        #expect(diazepam.facts.filter { $0.type == .schedule }.map(\.source) == ["text"])
        #expect(diazepam.facts.filter { $0.type == .drugClass && $0.value == "benzodiazepine" }.count == 1)
        // Every text fact survives enrichment unchanged.
        for fact in record.drugs[0].facts { #expect(diazepam.facts.contains(fact)) }
    }
}
