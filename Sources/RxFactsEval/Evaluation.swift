import Foundation
import RxFacts
import RxFactsDiff

/// Runs an extractor over public gold sets and scores it (`rxfacts eval`).
///
/// The gold sets are read where they lie (e.g. `../shared/data`); nothing is copied.
package enum Evaluation {
    /// Gold sets `eval` knows, by folder name under the data directory.
    package enum GoldSet: String, Sendable, CaseIterable, Codable {
        case splADR = "spl-adr"
        case labeledIn = "labeledin"
        case ddi2013 = "ddi2013"
    }

    package static func run(
        dataDirectory: String, sets: [GoldSet] = GoldSet.allCases,
        extractor: any MentionExtractor
    ) throws(GoldSetError) -> EvalReport {
        var log = MistakeLog(enabled: false)
        return try run(dataDirectory: dataDirectory, sets: sets, extractor: extractor, log: &log)
    }

    /// Like `run(dataDirectory:sets:extractor:)`, and also every false positive and false
    /// negative of the exact matchings (and of DDI pairs), for error analysis.
    package static func run(
        dataDirectory: String, sets: [GoldSet] = GoldSet.allCases, extractor: any MentionExtractor,
        mistakes: inout [EvalMistake]
    ) throws(GoldSetError) -> EvalReport {
        var log = MistakeLog(enabled: true)
        let report = try run(dataDirectory: dataDirectory, sets: sets, extractor: extractor, log: &log)
        mistakes = log.entries
        return report
    }

    static func run(
        dataDirectory: String, sets: [GoldSet], extractor: any MentionExtractor,
        log: inout MistakeLog
    ) throws(GoldSetError) -> EvalReport {
        var rows: [EvalRow] = []
        var failures: [String] = []
        for set in sets {
            let directory = (dataDirectory as NSString).appendingPathComponent(set.rawValue)
            let documents: [GoldDocument]
            switch set {
            case .splADR: documents = try SPLADRGold.load(directory: directory)
            case .labeledIn: documents = try LabeledInGold.load(directory: directory)
            case .ddi2013: documents = try DDI2013Gold.load(directory: directory)
            }
            // An empty gold set would score a perfect, meaningless F1.
            guard documents.contains(where: { !$0.annotations.isEmpty }) else {
                throw GoldSetError(
                    path: directory,
                    reason: "the \(set.rawValue) gold set holds no annotated document; nothing to score")
            }
            switch set {
            case .splADR: rows += splADR(documents, extractor: extractor, failures: &failures, log: &log)
            case .labeledIn: rows += labeledIn(documents, extractor: extractor, failures: &failures, log: &log)
            case .ddi2013: rows += ddi2013(documents, extractor: extractor, failures: &failures, log: &log)
            }
        }
        return EvalReport(rows: rows, failures: failures)
    }

    static func extract(
        _ document: GoldDocument, _ extractor: any MentionExtractor, _ failures: inout [String]
    ) -> [ScoredMention] {
        failures += document.notes.map { "gold note: \($0)" }
        do {
            return try extractor.mentions(in: document.text, title: document.title, section: document.section)
        } catch {
            failures.append("extraction failed: \(document.id): \(error)")
            return []
        }
    }

    /// Gold concept map: normalized mention text → concept, first one seen (documents in order).
    static func conceptMap(_ documents: [GoldDocument]) -> [String: String] {
        var map: [String: String] = [:]
        for document in documents {
            for annotation in document.annotations {
                if let concept = annotation.concept, !concept.isEmpty {
                    let key = MentionScorer.normalize(annotation.text)
                    if map[key] == nil { map[key] = concept }
                }
            }
        }
        return map
    }

    static func surface(_ mention: ScoredMention, in text: [UInt8]) -> String {
        let start = max(0, min(mention.start, text.count))
        let end = max(start, min(mention.end, text.count))
        return MentionScorer.normalize(text[start..<end])
    }

    // MARK: SPL-ADR-200DB

    /// Adverse-effect mentions per label section. The gold lists each distinct mention string once,
    /// so mentions are compared as distinct normalized strings per section (exact), with all their
    /// occurrences as spans (overlap), and as MedDRA PT sets per label through the gold's own
    /// mention → PT pairs (a prediction whose text is not a gold mention is an unmapped false positive).
    static func splADR(
        _ documents: [GoldDocument], extractor: any MentionExtractor, failures: inout [String],
        log: inout MistakeLog
    ) -> [EvalRow] {
        let ptOf = conceptMap(documents)
        var exact = Score()
        var overlap = Score()
        var goldPT: [String: Set<String>] = [:]
        var predictedPT: [String: Set<String>] = [:]
        for document in documents {
            let mentions = extract(document, extractor, &failures).filter { $0.type == .adverseEffect }
            var goldItems: [String: [Range<Int>]] = [:]
            for annotation in document.annotations {
                let key = MentionScorer.normalize(annotation.text)
                let spans =
                    annotation.range == nil
                    ? [] : MentionScorer.occurrences(of: Array(annotation.text.utf8), in: document.text)
                goldItems[key, default: []] += spans
                goldPT[document.group, default: []].insert(annotation.concept ?? "mention:" + key)
            }
            var predictedItems: [String: [Range<Int>]] = [:]
            for mention in mentions {
                let key = surface(mention, in: document.text)
                predictedItems[key, default: []].append(mention.range)
                let pt = ptOf[key] ?? ptOf[MentionScorer.normalize(mention.value)] ?? "unmapped:" + mention.value
                predictedPT[document.group, default: []].insert(pt)
            }
            exact += MentionScorer.sets(gold: Set(goldItems.keys), predicted: Set(predictedItems.keys))
            if log.enabled {
                for key in Set(predictedItems.keys).subtracting(goldItems.keys).sorted() {
                    log.add(
                        "spl-adr", "adverse-effect", .falsePositive, document, predictedItems[key]?.first, text: key)
                }
                for key in Set(goldItems.keys).subtracting(predictedItems.keys).sorted() {
                    log.add("spl-adr", "adverse-effect", .falseNegative, document, goldItems[key]?.first, text: key)
                }
            }
            overlap += MentionScorer.overlap(
                gold: goldItems.keys.sorted().map { .init(key: $0, spans: goldItems[$0]!) },
                predicted: predictedItems.keys.sorted().map { .init(key: $0, spans: predictedItems[$0]!) })
        }
        var concept = Score()
        for group in Set(goldPT.keys).union(predictedPT.keys) {
            concept += MentionScorer.sets(gold: goldPT[group] ?? [], predicted: predictedPT[group] ?? [])
        }
        let anchor = "TAC 2017 ADR best micro-F1 0.82; rule-based 0.674"
        return [
            EvalRow(
                goldSet: "spl-adr", type: "adverse-effect", matching: "exact mention", documents: documents.count,
                score: exact, anchor: anchor),
            EvalRow(
                goldSet: "spl-adr", type: "adverse-effect", matching: "overlapping mention", documents: documents.count,
                score: overlap, anchor: anchor),
            EvalRow(
                goldSet: "spl-adr", type: "adverse-effect", matching: "MedDRA PT per label", documents: goldPT.count,
                score: concept, anchor: nil),
        ]
    }

    // MARK: LabeledIn

    /// Indication mentions: every occurrence is annotated, so spans are compared directly (exact,
    /// overlapping), then UMLS CUI sets per label (from the prediction's `umls:` code, else through
    /// the gold's own mention → CUI pairs).
    static func labeledIn(
        _ documents: [GoldDocument], extractor: any MentionExtractor, failures: inout [String],
        log: inout MistakeLog
    ) -> [EvalRow] {
        let cuiOf = conceptMap(documents)
        var exact = Score()
        var overlap = Score()
        var concept = Score()
        for document in documents {
            let mentions = extract(document, extractor, &failures).filter { $0.type == .indication }
            let gold = document.annotations.compactMap(\.range)
            exact += MentionScorer.sets(gold: Set(gold), predicted: Set(mentions.map(\.range)))
            log.spans("labeledin", "indication", document, gold: Set(gold), predicted: Set(mentions.map(\.range)))
            overlap += MentionScorer.overlap(gold: spanItems(gold), predicted: spanItems(mentions.map(\.range)))
            let goldCUIs = Set(document.annotations.flatMap { cuis($0.concept ?? "") })
            var predicted: Set<String> = []
            for mention in mentions {
                if let code = mention.code, code.hasPrefix("umls:") {
                    predicted.formUnion(cuis(String(code.dropFirst(5))))
                    continue
                }
                if let cui = cuiOf[surface(mention, in: document.text)] ?? cuiOf[MentionScorer.normalize(mention.value)]
                {
                    predicted.formUnion(cuis(cui))
                } else {
                    predicted.insert("unmapped:" + mention.value)
                }
            }
            concept += MentionScorer.sets(gold: goldCUIs, predicted: predicted)
        }
        return [
            EvalRow(
                goldSet: "labeledin", type: "indication", matching: "exact span", documents: documents.count,
                score: exact, anchor: nil),
            EvalRow(
                goldSet: "labeledin", type: "indication", matching: "overlapping span", documents: documents.count,
                score: overlap, anchor: nil),
            EvalRow(
                goldSet: "labeledin", type: "indication", matching: "UMLS CUI per label", documents: documents.count,
                score: concept, anchor: nil),
        ]
    }

    /// Distinct spans as single-span items, in text order.
    static func spanItems(_ ranges: [Range<Int>]) -> [MentionScorer.Item] {
        let sorted = Set(ranges).sorted { (a: Range<Int>, b: Range<Int>) -> Bool in
            a.lowerBound != b.lowerBound ? a.lowerBound < b.lowerBound : a.upperBound < b.upperBound
        }
        return sorted.map { MentionScorer.Item(spans: [$0]) }
    }

    static func cuis(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.hasPrefix("C") }
    }

    // MARK: DDI 2013

    /// Drug names (any entity type, boundaries only) and interacting pairs per sentence: a gold pair's
    /// names are canonicalized through the predicted drug mention overlapping each entity (else its
    /// lower-cased text); a predicted pair is (fact subject, fact value) in the sentence where the
    /// combination mention starts. Pair type (mechanism/effect/advise/int) is not scored.
    static func ddi2013(
        _ documents: [GoldDocument], extractor: any MentionExtractor, failures: inout [String],
        log: inout MistakeLog
    ) -> [EvalRow] {
        var exact = Score()
        var overlap = Score()
        var pairs = Score()
        for document in documents {
            let mentions = extract(document, extractor, &failures)
            let drugs = mentions.filter { $0.type == "drug" }
            let gold = document.annotations.compactMap(\.range)
            exact += MentionScorer.sets(gold: Set(gold), predicted: Set(drugs.map(\.range)))
            log.spans("ddi2013", "drug", document, gold: Set(gold), predicted: Set(drugs.map(\.range)))
            overlap += MentionScorer.overlap(gold: spanItems(gold), predicted: spanItems(drugs.map(\.range)))
            func sentence(of offset: Int) -> Int? { document.sentences.firstIndex { $0.contains(offset) } }
            func canonical(_ annotation: GoldDocument.Annotation) -> String {
                if let range = annotation.range, let drug = drugs.first(where: { $0.range.overlaps(range) }) {
                    return MentionScorer.normalize(drug.value)
                }
                return MentionScorer.normalize(annotation.text)
            }
            func pairKey(_ sentence: Int, _ a: String, _ b: String) -> String {
                "\(sentence)|\(min(a, b))|\(max(a, b))"
            }
            var goldPairs: Set<String> = []
            for pair in document.pairs {
                let a = document.annotations[pair.first]
                let b = document.annotations[pair.second]
                guard let range = a.range, let s = sentence(of: range.lowerBound) else { continue }
                goldPairs.insert(pairKey(s, canonical(a), canonical(b)))
            }
            var predictedPairs: Set<String> = []
            for mention in mentions where mention.type == .combination {
                guard let s = sentence(of: mention.start) else { continue }
                let subject = MentionScorer.normalize(mention.subject ?? document.title)
                predictedPairs.insert(pairKey(s, subject, MentionScorer.normalize(mention.value)))
            }
            pairs += MentionScorer.sets(gold: goldPairs, predicted: predictedPairs)
            if log.enabled {
                func logPairs(_ keys: Set<String>, _ kind: EvalMistake.Kind) {
                    for key in keys.sorted() {
                        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
                        guard parts.count == 3, let s = Int(parts[0]), s < document.sentences.count else { continue }
                        let sentence = String(decoding: document.text[document.sentences[s]], as: UTF8.self)
                        log.entries.append(
                            EvalMistake(
                                goldSet: "ddi2013", type: "pair", kind: kind, document: document.id,
                                text: "\(parts[1]) + \(parts[2])", context: sentence))
                    }
                }
                logPairs(predictedPairs.subtracting(goldPairs), .falsePositive)
                logPairs(goldPairs.subtracting(predictedPairs), .falseNegative)
            }
        }
        return [
            EvalRow(
                goldSet: "ddi2013", type: "drug", matching: "exact span", documents: documents.count, score: exact,
                anchor: "DDI 2013 best drug NER F1 0.715"),
            EvalRow(
                goldSet: "ddi2013", type: "drug", matching: "overlapping span", documents: documents.count,
                score: overlap, anchor: nil),
            EvalRow(
                goldSet: "ddi2013", type: "combination", matching: "interacting pair per sentence",
                documents: documents.count,
                score: pairs, anchor: "DDI 2013 best classification F1 0.651"),
        ]
    }
}
