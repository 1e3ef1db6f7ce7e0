import RxFacts
import RxFactsDiff

/// A false positive or false negative of `rxfacts eval` (exact matching), for error analysis
/// (`rxfacts eval --errors FILE`): which gold set and document, the mention and its context.
package struct EvalMistake: Sendable, Hashable {
    package enum Kind: String, Sendable {
        case falsePositive = "FP"
        case falseNegative = "FN"
    }

    package var goldSet: String
    /// `adverse-effect`, `indication`, `drug` or `pair`.
    package var type: String
    package var kind: Kind
    package var document: String
    /// The mention as it stands in the text (for a pair: both names).
    package var text: String
    /// The words around it (for a pair: its sentence), line breaks as spaces.
    package var context: String

    package init(goldSet: String, type: String, kind: Kind, document: String, text: String, context: String) {
        self.goldSet = goldSet
        self.type = type
        self.kind = kind
        self.document = document
        self.text = text
        self.context = context
    }

    /// One tab-separated line: set, type, FP/FN, document, text, context.
    package var line: String {
        [goldSet, type, kind.rawValue, document, text, context].map { field in
            String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }.joined(separator: "\t")
    }

    /// The header of `line`s.
    package static let header = "set\ttype\terror\tdocument\ttext\tcontext"

    /// Up to `width` bytes either side of `range` in `text`, the mention in [brackets].
    static func context(of range: Range<Int>, in text: [UInt8], width: Int = 70) -> String {
        let lower = max(0, min(range.lowerBound, text.count))
        let upper = max(lower, min(range.upperBound, text.count))
        let before = text[max(0, lower - width)..<lower]
        let after = text[upper..<min(text.count, upper + width)]
        return String(decoding: before, as: UTF8.self) + "[" + String(decoding: text[lower..<upper], as: UTF8.self)
            + "]"
            + String(decoding: after, as: UTF8.self)
    }
}

/// Collects mistakes when asked to (`enabled`), else costs nothing.
struct MistakeLog {
    var enabled: Bool
    var entries: [EvalMistake] = []

    mutating func spans(
        _ goldSet: String, _ type: String, _ document: GoldDocument, gold: Set<Range<Int>>, predicted: Set<Range<Int>>
    ) {
        guard enabled else { return }
        let order = { (a: Range<Int>, b: Range<Int>) in (a.lowerBound, a.upperBound) < (b.lowerBound, b.upperBound) }
        for range in predicted.subtracting(gold).sorted(by: order) {
            add(goldSet, type, .falsePositive, document, range)
        }
        for range in gold.subtracting(predicted).sorted(by: order) {
            add(goldSet, type, .falseNegative, document, range)
        }
    }

    mutating func add(
        _ goldSet: String, _ type: String, _ kind: EvalMistake.Kind, _ document: GoldDocument, _ range: Range<Int>?,
        text: String? = nil
    ) {
        guard enabled else { return }
        let mention =
            text ?? range.map {
                String(
                    decoding: document.text[max(0, $0.lowerBound)..<min(document.text.count, $0.upperBound)],
                    as: UTF8.self)
            } ?? ""
        let context = range.map { EvalMistake.context(of: $0, in: document.text) } ?? ""
        entries.append(
            EvalMistake(
                goldSet: goldSet, type: type, kind: kind, document: document.id, text: mention, context: context))
    }
}
