import RxFacts
import RxFactsDiff
/// Anything that turns text into scored mentions: the rxfacts pipeline, or a fake in tests.
package protocol MentionExtractor: Sendable {
    /// Mentions in `text` (UTF-8). `title` names the document's drug when the gold set says it
    /// (e.g. `Fentanyl` for a DDI 2013 DrugBank document), else the label's id.
    func mentions(in text: [UInt8], title: String) throws -> [ScoredMention]

    /// Mentions in `text` when the gold set says which label section the text is (e.g.
    /// `adverse reactions`, `indications and usage`). Defaults to `mentions(in:title:)`.
    func mentions(in text: [UInt8], title: String, section: String?) throws -> [ScoredMention]
}

extension MentionExtractor {
    package func mentions(in text: [UInt8], title: String, section: String?) throws -> [ScoredMention] {
        try mentions(in: text, title: title)
    }
}
