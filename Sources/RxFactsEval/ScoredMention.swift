import RxFacts
import RxFactsDiff
/// A span of text an extractor recognised: what `eval` scores against mention-level gold.
package struct ScoredMention: Sendable, Hashable {
    /// `adverse-effect`, `indication`, `combination`, or `drug` for a drug name.
    package var type: FactType
    /// UTF-8 byte offsets into the text given to the extractor.
    package var start: Int
    package var end: Int
    /// Canonical value (lexicon term, or the drug's canonical name for `drug`).
    package var value: String
    /// `system:code` when known, e.g. `umls:C0014544`.
    package var code: String?
    /// For `combination`: the canonical name of the drug the fact is about.
    package var subject: String?

    package init(type: FactType, start: Int, end: Int, value: String, code: String? = nil, subject: String? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.value = value
        self.code = code
        self.subject = subject
    }

    package var range: Range<Int> { start..<end }
}
