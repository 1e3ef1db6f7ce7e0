/// The lexicon's name for a fact value written by hand: "erectile dysfunction" → the canonical
/// name of the concept the pipeline's lexicon reads that phrase as, so that facts compared across
/// lexicon versions or against hand-written gold match by concept, not by spelling ("st john's
/// wort" and "st. john's wort", "breastfeeding" and "breast-feeding").
///
/// A value is looked up as a whole phrase (same tokenizing and folding as text); entries are
/// preferred by the kinds a fact of its type takes. A value the lexicon does not know is kept.
package struct ConceptNames: Sendable {
    let knowledge: Knowledge

    package init(knowledge: Knowledge) {
        self.knowledge = knowledge
    }

    /// Kinds a value of each fact type names, in order of preference.
    static func kinds(for type: FactType) -> [String] {
        switch type {
        case .drugClass, .mechanism: ["class", "mechanism"]
        case .combination: ["drug", "brand", "substance", "class", "therapeutic-use"]
        case .schedule: ["schedule"]
        case .dependence: ["dependence", "condition"]
        default: ["condition", "state", "effect", "dependence"]
        }
    }

    /// The canonical name of the concept `value` names as a fact of `type`, or `value` itself.
    package func canonical(_ value: String, type: FactType) -> String {
        canonical(value, kinds: Self.kinds(for: type))
    }

    /// The lexicon's name for a drug (an ingredient name as written by hand).
    package func drugName(_ name: String) -> String {
        canonical(name, kinds: ["drug"])
    }

    func canonical(_ value: String, kinds: [String]) -> String {
        let bytes = Array(value.utf8)
        var tokens: [Token] = []
        Tokenizer.scan(bytes, 0..<bytes.count, into: &tokens)
        var state: Int32 = 0
        var matched = false
        for token in tokens where !PhraseAutomaton.isSkipped(token, bytes) {
            guard let key = knowledge.vocabulary.find(bytes, token.range, kind: token.kind) else { return value }
            state = knowledge.phrases.step(state, key)
            guard state >= 0 else { return value }
            matched = true
        }
        guard matched, let payloads = knowledge.phrases.payloads(at: state, layer: PhraseLayer.terms) else {
            return value
        }
        let lexicon = knowledge.lexicon
        let mention = Mention(tokens: 0..<0, range: 0..<0, entries: payloads, sentence: 0)
        guard let index = lexicon.entryIndex(of: mention, kinds: lexicon.kindIDs(kinds)) else { return value }
        return lexicon.canonical(ofEntry: index)
    }
}
