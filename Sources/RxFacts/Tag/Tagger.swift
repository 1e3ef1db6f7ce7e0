/// Stage 5: finds lexicon terms, rule cues, context triggers and list words in each
/// sentence with the knowledge base's layered automaton (one pass for all four, each
/// layer leftmost-longest).
///
/// It also reads elliptic coordination: in "physical or psychological dependence" the
/// term "psychological dependence" implies "physical dependence" when that is a term too.
public struct Tagger: Sendable {
    public let knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
    }

    public func process(_ doc: inout AnalyzedDocument) {
        doc.terms.removeAll(keepingCapacity: true)
        doc.cues.removeAll(keepingCapacity: true)
        doc.triggers.removeAll(keepingCapacity: true)
        doc.tokenRoles = Array(repeating: 0, count: doc.tokens.count)
        var positions: [Int] = []
        var layers: [[Mention]] = Array(repeating: [], count: 4)
        for (index, sentence) in doc.sentences.enumerated() {
            positions.removeAll(keepingCapacity: true)
            for t in sentence.tokens where !PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) {
                positions.append(t)
            }
            let firstTerm = doc.terms.count
            // One walk per position finds terms, cues, triggers and list words together.
            layers[0].removeAll(keepingCapacity: true)
            layers[1].removeAll(keepingCapacity: true)
            layers[2].removeAll(keepingCapacity: true)
            layers[3].removeAll(keepingCapacity: true)
            knowledge.phrases.matchLayers(tokens: doc.tokens, positions: positions, sentence: index, into: &layers)
            doc.terms.append(contentsOf: layers[KnowledgeBase.termLayer])
            doc.cues.append(contentsOf: layers[KnowledgeBase.cueLayer])
            doc.triggers.append(contentsOf: layers[KnowledgeBase.triggerLayer])
            expandEllipses(&doc, positions: positions, from: firstTerm)
            for word in layers[KnowledgeBase.listWordLayer] {
                var role: UInt8 = 0
                for payload in word.entries { role |= UInt8(payload) }
                for t in word.tokens { doc.tokenRoles[t] |= role }
            }
        }
    }

    /// For each multi-token term preceded by "X or"/"X and", adds "X + rest of term" when
    /// that is a term ("physical or psychological dependence" → "physical dependence").
    private func expandEllipses(_ doc: inout AnalyzedDocument, positions: [Int], from first: Int) {
        let end = doc.terms.count
        guard end > first else { return }
        var added: [Mention] = []
        for m in first..<end {
            let mention = doc.terms[m]
            guard let p = positions.firstIndex(of: mention.tokens.lowerBound), p >= 2 else { continue }
            let tail = positions[(p + 1)...].prefix { $0 < mention.tokens.upperBound }
            guard !tail.isEmpty, knowledge.coordinators.contains(doc.tokens[positions[p - 1]].key) else { continue }
            let head = positions[p - 2]
            guard doc.tokens[head].kind == .word else { continue }
            var state = knowledge.terms.step(0, doc.tokens[head].key)
            for t in tail where state >= 0 { state = knowledge.terms.step(state, doc.tokens[t].key) }
            guard state >= 0, let payloads = knowledge.terms.payloads(at: state) else { continue }
            added.append(Mention(
                tokens: head..<mention.tokens.upperBound,
                range: Int(doc.tokens[head].start)..<mention.range.upperBound,
                entries: payloads, sentence: mention.sentence))
        }
        guard !added.isEmpty else { return }
        doc.terms.append(contentsOf: added)
        doc.terms[first...].sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}
