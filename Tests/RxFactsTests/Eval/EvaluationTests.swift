import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Finds fixed terms wherever they occur (ASCII case-insensitive): a stand-in for the pipeline.
struct FakeExtractor: MentionExtractor {
    var terms: [(text: String, type: FactType, value: String, code: String?, subject: String?)]

    func mentions(in text: [UInt8], title: String) throws -> [ScoredMention] {
        terms.flatMap { term in
            MentionScorer.occurrences(of: Array(term.text.utf8), in: text).map {
                ScoredMention(
                    type: term.type, start: $0.lowerBound, end: $0.upperBound, value: term.value,
                    code: term.code, subject: term.subject)
            }
        }
    }
}

@Suite struct MentionScorerTests {
    @Test func overlapMatchesOneToOne() {
        let gold: [MentionScorer.Item] = [.init(spans: [0..<10]), .init(spans: [20..<30])]
        let predicted: [MentionScorer.Item] = [.init(spans: [5..<8]), .init(spans: [6..<9]), .init(spans: [40..<42])]
        #expect(
            MentionScorer.overlap(gold: gold, predicted: predicted)
                == Score(truePositives: 1, falsePositives: 2, falseNegatives: 1))
    }

    @Test func overlapPrefersEqualKeys() {
        // "pain" must pair with "pain", leaving "back pain" to pair with the overlapping "back".
        let gold: [MentionScorer.Item] = [.init(key: "back pain", spans: [0..<9]), .init(key: "pain", spans: [5..<9])]
        let predicted: [MentionScorer.Item] = [.init(key: "pain", spans: [5..<9]), .init(key: "back", spans: [0..<4])]
        #expect(MentionScorer.overlap(gold: gold, predicted: predicted).truePositives == 2)
    }

    @Test func normalizesCaseAndWhitespace() {
        #expect(MentionScorer.normalize("  Peripheral\n  Neuropathy ") == "peripheral neuropathy")
        #expect(
            MentionScorer.occurrences(of: Array("rash".utf8), in: Array("Rash, RASH and rashes".utf8)) == [
                0..<4, 6..<10, 15..<19,
            ])
    }
}

@Suite struct GoldConverterTests {
    @Test func splADRConvertsCharacterOffsetsToBytes() throws {
        // "é" is two bytes: the mention after it starts one byte later than its character offset.
        let json =
            #"[{"label_id":"X","section_name":"adverse reactions","section_text":"Café: nausea, rash. Nausea.","adverse_events":[["nausea","Nausea",1.0,null,null,"6","6","human"],["skin eruption","Rash",2.0,null,null,null,"13","human"]]}]"#
        let documents = try SPLADRGold.parse(Data(json.utf8), path: "t.json")
        #expect(documents.count == 1 && documents[0].id == "X/adverse reactions" && documents[0].group == "X")
        let nausea = documents[0].annotations[0]
        #expect(nausea.range == 7..<13 && nausea.concept == "Nausea")
        #expect(String(decoding: documents[0].text[nausea.range!], as: UTF8.self) == "nausea")
        #expect(documents[0].annotations[1].range == nil)
    }

    @Test func splADRRejectsOffsetsOutsideTheText() {
        let json =
            #"[{"label_id":"X","section_name":"s","section_text":"short","adverse_events":[["nausea","Nausea",1.0,null,null,"3","6","human"]]}]"#
        #expect(throws: GoldSetError.self) { try SPLADRGold.parse(Data(json.utf8), path: "t.json") }
    }

    @Test func labeledInStripsMarkupAndKeepsAnnotationSpans() throws {
        let line =
            #"10004|9c98|Tablets are indicated for <br> <div> <annotation cui="C0017168">GERD</annotation> &amp; <annotation cui="C0267055">Erosive Esophagitis</annotation></div>|"#
        let documents = try LabeledInGold.parse(line + "\n", path: "l.txt")
        let document = try #require(documents.first)
        let text = String(decoding: document.text, as: UTF8.self)
        #expect(text == "Tablets are indicated for \n \n GERD & Erosive Esophagitis\n")
        #expect(document.annotations.map(\.text) == ["GERD", "Erosive Esophagitis"])
        #expect(document.annotations.map(\.concept) == ["C0017168", "C0267055"])
        #expect(String(decoding: document.text[document.annotations[1].range!], as: UTF8.self) == "Erosive Esophagitis")
    }

    @Test func labeledInReportsUnclosedAnnotationWithLine() {
        #expect {
            try LabeledInGold.parse("1|a|ok\n2|b|<annotation cui=\"C1\">open|\n", path: "l.txt")
        } throws: { ($0 as? GoldSetError)?.line == 2 }
    }

    static let ddiXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <document id="DDI-DrugBank.d1">
            <sentence id="s0" text="Fentanyl with ritonavir &amp; ketoconazole.">
                <entity id="e0" charOffset="0-7" type="drug" text="Fentanyl"/>
                <entity id="e1" charOffset="14-22" type="drug" text="ritonavir"/>
                <entity id="e2" charOffset="26-37" type="drug" text="ketoconazole"/>
                <pair id="p0" e1="e0" e2="e1" ddi="true" type="mechanism"/>
                <pair id="p1" e1="e0" e2="e2" ddi="false"/>
            </sentence>
            <sentence id="s1" text="DURAGESIC and CNS depressants.">
                <entity id="e3" charOffset="0-8" type="brand" text="DURAGESIC"/>
                <entity id="e4" charOffset="14-28" type="group" text="CNS depressants"/>
                <pair id="p2" e1="e3" e2="e4" ddi="true" type="effect"/>
            </sentence>
        </document>
        """

    @Test func ddiJoinsSentencesAndKeepsTruePairs() throws {
        let document = try DDI2013Gold.parse(Array(Self.ddiXML.utf8), path: "f.xml", title: "Fentanyl")
        let text = String(decoding: document.text, as: UTF8.self)
        #expect(text == "Fentanyl with ritonavir & ketoconazole.\nDURAGESIC and CNS depressants.")
        #expect(document.sentences.count == 2)
        #expect(
            document.annotations.map { String(decoding: document.text[$0.range!], as: UTF8.self) }
                == ["Fentanyl", "ritonavir", "ketoconazole", "DURAGESIC", "CNS depressants"])
        #expect(document.pairs.map(\.kind) == ["mechanism", "effect"])
    }
}

@Suite struct EvaluationScoringTests {
    @Test func splADRScoresDistinctMentionsSpansAndPTs() throws {
        let json =
            #"[{"label_id":"X","section_name":"ar","section_text":"Nausea, back pain and rash. Nausea again.","adverse_events":[["nausea","Nausea",1.0,null,null,"0","6","human"],["back pain","Back pain",2.0,null,null,"8","9","human"],["rash","Rash",3.0,null,null,"22","4","human"]]}]"#
        let documents = try SPLADRGold.parse(Data(json.utf8), path: "t.json")
        let fake = FakeExtractor(terms: [
            ("nausea", .adverseEffect, "nausea", nil, nil),  // both occurrences: one distinct mention
            ("pain", .adverseEffect, "pain", nil, nil),  // overlaps "back pain" only
            ("again", .adverseEffect, "again", nil, nil),  // wrong
        ])
        var failures: [String] = []
        var log = MistakeLog(enabled: true)
        let rows = Evaluation.splADR(documents, extractor: fake, failures: &failures, log: &log)
        #expect(rows.map(\.matching) == ["exact mention", "overlapping mention", "MedDRA PT per label"])
        #expect(rows[0].score == Score(truePositives: 1, falsePositives: 2, falseNegatives: 2))
        #expect(rows[1].score == Score(truePositives: 2, falsePositives: 1, falseNegatives: 1))
        // PTs: gold {Nausea, Back pain, Rash}; predicted {Nausea, unmapped:pain, unmapped:again}.
        #expect(rows[2].score == Score(truePositives: 1, falsePositives: 2, falseNegatives: 2))
        #expect(failures.isEmpty)
        // --errors: the exact matching's mistakes, with the mention in its context.
        #expect(
            log.entries.map { "\($0.kind.rawValue) \($0.text)" } == ["FP again", "FP pain", "FN back pain", "FN rash"])
        #expect(log.entries[0].context == "Nausea, back pain and rash. Nausea [again].")
    }

    @Test func labeledInScoresSpansAndCUIs() throws {
        let documents = try LabeledInGold.parse(
            #"1|a|For <annotation cui="C1">partial seizures</annotation> and <annotation cui="C2">migraine</annotation>.|"#
                + "\n",
            path: "l.txt")
        let fake = FakeExtractor(terms: [
            ("seizures", .indication, "seizures", "umls:C1", nil),
            ("migraine", .indication, "migraine", nil, nil),
        ])
        var failures: [String] = []
        var log = MistakeLog(enabled: false)
        let rows = Evaluation.labeledIn(documents, extractor: fake, failures: &failures, log: &log)
        #expect(rows[0].score == Score(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(rows[1].score == Score(truePositives: 2))
        #expect(rows[2].score == Score(truePositives: 2))
    }

    @Test func ddiScoresDrugNamesAndPairsThroughCanonicalNames() throws {
        let document = try DDI2013Gold.parse(Array(GoldConverterTests.ddiXML.utf8), path: "f.xml", title: "Fentanyl")
        let fake = FakeExtractor(terms: [
            ("fentanyl", "drug", "fentanyl", nil, nil),
            ("duragesic", "drug", "fentanyl", nil, nil),
            ("ritonavir", "drug", "ritonavir", nil, nil),
            ("ritonavir", .combination, "ritonavir", nil, "fentanyl"),
            ("ketoconazole", .combination, "ketoconazole", nil, "fentanyl"),  // gold says no interaction
            ("CNS", "drug", "cns", nil, nil),  // partial name
        ])
        var failures: [String] = []
        var log = MistakeLog(enabled: false)
        let rows = Evaluation.ddi2013([document], extractor: fake, failures: &failures, log: &log)
        #expect(rows[0].score == Score(truePositives: 3, falsePositives: 1, falseNegatives: 2))
        #expect(rows[1].score == Score(truePositives: 4, falsePositives: 0, falseNegatives: 1))
        // Gold pairs: s0 fentanyl–ritonavir, s1 fentanyl(DURAGESIC)–cns (canonical through the overlapping mention).
        #expect(rows[2].score == Score(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    }

    struct FailingExtractor: MentionExtractor {
        struct Boom: Error {}
        func mentions(in text: [UInt8], title: String) throws -> [ScoredMention] { throw Boom() }
    }

    @Test func extractorFailuresAreReportedNotDropped() throws {
        let documents = try LabeledInGold.parse(#"1|a|<annotation cui="C1">gout</annotation>|"# + "\n", path: "l.txt")
        var failures: [String] = []
        var log = MistakeLog(enabled: false)
        let rows = Evaluation.labeledIn(documents, extractor: FailingExtractor(), failures: &failures, log: &log)
        #expect(failures == ["extraction failed: 1: Boom()"])
        #expect(rows[0].score == Score(falseNegatives: 1))
    }

    // Reads the real gold sets when the shared data is present (never on a machine without ../shared).
    static let sharedData = TestSupport.root.appendingPathComponent("../shared/data").standardizedFileURL.path

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: sharedData + "/spl-adr"),
            "needs /work/shared/data (eval-only gold sets are not in the repo)"))
    func realGoldSetsConvert() throws {
        let adr = try SPLADRGold.load(directory: Self.sharedData + "/spl-adr")
        #expect(adr.count == 239)
        for document in adr {
            for annotation in document.annotations {
                guard let range = annotation.range else { continue }
                #expect(MentionScorer.normalize(document.text[range]) == MentionScorer.normalize(annotation.text))
            }
        }
        let labeled = try LabeledInGold.load(directory: Self.sharedData + "/labeledin")
        #expect(labeled.count == 250)
        let ddi = try DDI2013Gold.load(directory: Self.sharedData + "/ddi2013")
        #expect(ddi.count == 21)
        // Contiguous entities read back exactly; discontinuous ones (scored on their hull) and a few
        // off-by-one gold offsets (e.g. "(R)-warfarin" in Eszopiclone) do not.
        let entities = ddi.flatMap { document in document.annotations.map { (document, $0) } }
        let exact = entities.filter { String(decoding: $0.0.text[$0.1.range!], as: UTF8.self) == $0.1.text }
        #expect(entities.count == 783)
        #expect(Double(exact.count) / Double(entities.count) > 0.99)
    }
}

/// What `eval` scores of the pipeline's facts.
@Suite struct PipelineMentionTests {
    @Test func aNegatedIndicationIsNoIndicationMention() throws {
        let extractor = PipelineMentionExtractor(pipeline: TestSupport.pipeline)
        let text =
            "Alfuzosin is indicated for the treatment of benign prostatic hyperplasia. Alfuzosin is not indicated for the treatment of hypertension."
        let mentions = try extractor.mentions(
            in: Array(text.utf8), title: "Alfuzosin", section: "indications and usage")
        let indications = mentions.filter { $0.type == .indication }.map {
            String(decoding: Array(text.utf8)[$0.range], as: UTF8.self)
        }
        #expect(Set(indications) == ["benign prostatic hyperplasia"])
    }
}

extension PipelineMentionTests {
    @Test func aPairNeedsTheDrugNamedInItsSentence() throws {
        let extractor = PipelineMentionExtractor(pipeline: TestSupport.pipeline)
        let text = """
            Coadministration of ketoconazole increased the plasma concentrations of fluoxetine.
            This medicine should not be taken with MAO inhibitors.
            """
        let pairs = try extractor.mentions(in: Array(text.utf8), title: "Fluoxetine").filter { $0.type == .combination }
        #expect(Set(pairs.map { "\($0.subject ?? "") + \($0.value)" }) == ["fluoxetine + ketoconazole"])
    }
}
