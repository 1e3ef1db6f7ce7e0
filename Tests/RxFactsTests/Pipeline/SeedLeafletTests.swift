import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// The acceptance test of the foundation: the diazepam seed leaflet and the facts listed in
/// `seeds/000_07aae011b33a312d.expected.md` (copied into `Corpus/text/`).
@Suite struct SeedLeafletTests {
    static let record: Record = {
        do {
            return try TestSupport.pipeline.extract(InputCollector.read(TestSupport.seedPath))
        } catch {
            fatalError("seed does not extract: \(error)")
        }
    }()

    var facts: [Fact] { Self.record.drugs.first?.facts ?? [] }

    @Test func theDrugIsDiazepamWithItsBrand() {
        #expect(Self.record.drugs.map(\.name) == ["diazepam"])
        #expect(Self.record.drugs.first?.brands == ["valium"])
        #expect(Self.record.drugs.first?.codes["rxcui"] == "3322")
        #expect(Self.record.document.id == "000_07aae011b33a312d")
    }

    @Test(arguments: [
        "class:benzodiazepine", "class:cns depressant", "class:skeletal muscle relaxant", "class:analgesic!",
        "mechanism:gaba-a receptor", "schedule:CIV",
        "indication:anxiety", "indication:seizures", "indication:muscle spasm", "indication:spasticity",
        "indication:insomnia",
        "combination:alcohol", "combination:opioid", "combination:cns depressant",
        "adverse-effect:drowsiness", "adverse-effect:fatigue", "adverse-effect:impaired coordination",
        "withdrawal:tremor", "withdrawal:muscle pain", "withdrawal:anxiety", "withdrawal:seizures",
        "dependence:abuse potential", "dependence:physical dependence", "dependence:psychological dependence",
    ])
    func mustBeExtracted(key: String) {
        #expect(Self.record.factKeys.contains(key), "missing \(key)")
    }

    @Test(arguments: [
        "class:analgesic", "class:nsaid", "class:opioid", "combination:nsaid", "combination:ibuprofen",
        "indication:tremor", "indication:coma", "indication:respiratory depression", "indication:drowsiness",
        "schedule:CI", "schedule:CII", "schedule:CIII", "schedule:CV", "adverse-effect:muscle spasm",
    ])
    func mustNotBeExtracted(key: String) {
        #expect(!Self.record.factKeys.contains(key), "unexpected \(key)")
    }

    @Test func combinationsCarryTheirRisks() throws {
        for partner in ["alcohol", "opioid", "cns depressant"] {
            let fact = try #require(Self.record.fact(.combination, partner))
            #expect(fact.qualifiers?["risks"] == ["coma", "death", "profound sedation", "respiratory depression"])
            #expect(!fact.negated)
        }
    }

    @Test func hedgedStatementsAreMarked() throws {
        #expect(try #require(Self.record.fact(.indication, "spasticity")).hedged)
        if let pain = Self.record.fact(.indication, "pain") { #expect(pain.hedged) }
    }

    @Test func everyFactHasEvidenceWhoseSourceBytesAreItsText() throws {
        let source = try InputCollector.read(TestSupport.seedPath).bytes
        #expect(!facts.isEmpty)
        for fact in facts {
            #expect(!fact.evidence.isEmpty, "\(fact.type):\(fact.value) has no evidence")
            for evidence in fact.evidence {
                #expect(evidence.start < evidence.end)
                #expect(String(decoding: source[evidence.start..<evidence.end], as: UTF8.self) == evidence.text)
                #expect(!evidence.section.isEmpty)
            }
        }
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let input = try InputCollector.read(TestSupport.seedPath)
        let first = try TestSupport.pipeline.extractLine(input)
        let second = try Pipeline.load(contentsOf: TestSupport.path("Pipelines/default.yaml")).extractLine(input)
        #expect(first == second)
    }

    /// The pipeline reproduces the hand-checked reference record in `Corpus/reference/`.
    @Test func matchesTheReferenceRecord() throws {
        let path = TestSupport.path("Corpus/reference/000_07aae011b33a312d.jsonl")
        let data = try #require(FileManager.default.contents(atPath: path))
        let reference = try JSONDecoder().decode(Record.self, from: data)
        let expected = Set(
            reference.drugs.flatMap { d in
                d.facts.map { "\(d.name) \($0.type.rawValue):\($0.value) negated=\($0.negated)" }
            })
        let actual = Set(
            Self.record.drugs.flatMap { d in
                d.facts.map { "\(d.name) \($0.type.rawValue):\($0.value) negated=\($0.negated)" }
            })
        #expect(actual.subtracting(expected).sorted() == [], "extra facts")
        #expect(expected.subtracting(actual).sorted() == [], "missing facts")
    }
}
