import RxFacts
import RxFactsDiff
/// Scores predicted mentions against gold annotations.
///
/// Matching is one-to-one: each gold item is matched by at most one predicted item and vice versa.
package enum MentionScorer {
    /// A thing to match: a key (normalized text, or nil) and where it occurs.
    package struct Item: Sendable, Hashable {
        package var key: String?
        package var spans: [Range<Int>]

        package init(key: String? = nil, spans: [Range<Int>]) {
            self.key = key
            self.spans = spans
        }
    }

    /// Exact match of sets (spans, strings or concepts).
    package static func sets<T: Hashable>(gold: Set<T>, predicted: Set<T>) -> Score {
        let hits = gold.intersection(predicted).count
        return Score(truePositives: hits, falsePositives: predicted.count - hits, falseNegatives: gold.count - hits)
    }

    /// Overlap match: first items with equal keys pair up, then any gold and predicted items with
    /// overlapping spans, greedily in the order given (which callers keep sorted).
    package static func overlap(gold: [Item], predicted: [Item]) -> Score {
        var goldMatched = [Bool](repeating: false, count: gold.count)
        var predictedMatched = [Bool](repeating: false, count: predicted.count)
        var byKey: [String: Int] = [:]
        for (j, item) in predicted.enumerated() { if let key = item.key, byKey[key] == nil { byKey[key] = j } }
        for (i, item) in gold.enumerated() {
            if let key = item.key, let j = byKey[key], !predictedMatched[j] {
                goldMatched[i] = true
                predictedMatched[j] = true
            }
        }
        for (i, g) in gold.enumerated() where !goldMatched[i] {
            for (j, p) in predicted.enumerated() where !predictedMatched[j] && overlaps(g.spans, p.spans) {
                goldMatched[i] = true
                predictedMatched[j] = true
                break
            }
        }
        let hits = goldMatched.filter { $0 }.count
        return Score(truePositives: hits, falsePositives: predicted.count - hits, falseNegatives: gold.count - hits)
    }

    static func overlaps(_ a: [Range<Int>], _ b: [Range<Int>]) -> Bool {
        a.contains { x in b.contains { y in x.overlaps(y) } }
    }

    /// Lower-cased (ASCII), whitespace runs collapsed to one space, trimmed.
    package static func normalize<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var output: [UInt8] = []
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            output.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    package static func normalize(_ text: String) -> String { normalize(Array(text.utf8)) }

    /// Every ASCII-case-insensitive occurrence of `needle` in `text`.
    package static func occurrences(of needle: [UInt8], in text: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
        let folded = needle.map(fold)
        var result: [Range<Int>] = []
        var i = 0
        while i + folded.count <= text.count {
            var k = 0
            while k < folded.count && fold(text[i + k]) == folded[k] { k += 1 }
            if k == folded.count {
                result.append(i..<(i + folded.count))
                i += folded.count
            } else {
                i += 1
            }
        }
        return result
    }
}
