import RxFacts
import RxFactsDiff
/// A span of text an extractor recognised: what `eval` scores against mention-level gold.
public struct ScoredMention: Sendable, Hashable {
    /// `adverse-effect`, `indication`, `combination`, or `drug` for a drug name.
    public var type: FactType
    /// UTF-8 byte offsets into the text given to the extractor.
    public var start: Int
    public var end: Int
    /// Canonical value (lexicon term, or the drug's canonical name for `drug`).
    public var value: String
    /// `system:code` when known, e.g. `umls:C0014544`.
    public var code: String?
    /// For `combination`: the canonical name of the drug the fact is about.
    public var subject: String?

    public init(type: FactType, start: Int, end: Int, value: String, code: String? = nil, subject: String? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.value = value
        self.code = code
        self.subject = subject
    }

    public var range: Range<Int> { start..<end }
}
