/// A subject rule pack compiled for matching: anaphora and brand-link phrases in the subject
/// layer of the shared automaton (payload: index into `phrases`).
package struct SubjectRuleSet: Sendable {
    /// What a subject phrase does.
    package enum Phrase: Sendable, Hashable {
        /// Refers back to the document's drug ("it", "this medicine").
        case anaphor
        /// Links a brand name on `side` of the phrase to the drug next to it.
        case brandLink(side: SubjectRulePack.BrandLink.Side)
    }

    package let phrases: [Phrase]
    /// Capitalised words that start a sentence rather than name a medicine (lower case).
    package let notBrandNames: Set<String>

    /// No phrases (a pipeline without a `subject` stage, or a subject stage without rules).
    init() {
        phrases = []
        notBrandNames = []
    }

    init(
        _ pack: SubjectRulePack, file: YAMLFile, into automaton: inout PhraseAutomaton, vocabulary: inout Vocabulary
    ) throws(InputError) {
        var phrases: [Phrase] = []
        for (index, anaphor) in pack.anaphora.enumerated() {
            try addRulePhrase(
                anaphor, payload: Int32(phrases.count), layer: PhraseLayer.subjectPhrases, file: file,
                at: [.key("anaphora"), .index(index)], into: &automaton, vocabulary: &vocabulary)
            phrases.append(.anaphor)
        }
        for (index, link) in (pack.brandLinks ?? []).enumerated() {
            try addRulePhrase(
                link.literal, payload: Int32(phrases.count), layer: PhraseLayer.subjectPhrases, file: file,
                at: [.key("brand_links"), .index(index), .key("literal")], into: &automaton, vocabulary: &vocabulary)
            phrases.append(.brandLink(side: link.brand))
        }
        self.phrases = phrases
        notBrandNames = Set((pack.notBrandNames ?? []).map { $0.lowercased() })
    }
}
