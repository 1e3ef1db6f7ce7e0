/// Stage `tag`: finds lexicon terms, rule cues, context triggers, subject phrases and list words
/// in each sentence with the shared layered automaton (one pass for all five, each layer
/// leftmost-longest).
///
/// It also reads elliptic coordination: in "physical or psychological dependence" the
/// term "psychological dependence" implies "physical dependence" when that is a term too.
package struct Tagger: Sendable {
    package let knowledge: Knowledge
    /// Folded keys of "and" and "or" (for "physical or psychological dependence").
    let coordinators: Set<Int32>
    /// Kind id of `therapeutic-use` entries: such an entry is a class named by its purpose, and
    /// only a purpose phrase before it makes a mention of it ("medicines for fungal infections").
    let therapeuticUseKind: [UInt16]
    /// Whether the lexicons have `therapeutic-use` entries at all.
    let hasTherapeuticUses: Bool
    let classKind: [UInt16]
    /// Payloads of the trigger layer that name a purpose ("medicines for", "used to treat").
    let purposeTriggers: Set<Int32>
    /// Whole mentions: modifiers, laboratory changes, body-system headings.
    let extender: MentionExtender
    /// The text's own "long form (SHORT)" definitions.
    let abbreviations: AbbreviationLinker

    package init(knowledge: Knowledge) {
        self.knowledge = knowledge
        var coordinators: Set<Int32> = []
        for word in ["and", "or"] {
            let bytes = Array(word.utf8)
            if let key = knowledge.vocabulary.find(bytes, 0..<bytes.count, kind: .word) { coordinators.insert(key) }
        }
        self.coordinators = coordinators
        therapeuticUseKind = knowledge.lexicon.kindIDs(["therapeutic-use"])
        classKind = knowledge.lexicon.kindIDs(["class"])
        hasTherapeuticUses = therapeuticUseKind[0] != UInt16.max
        purposeTriggers = Set(
            knowledge.contextRules.triggers.indices.filter { knowledge.contextRules.triggers[$0].category == .purpose }
                .map(Int32.init))
        extender = MentionExtender(lexicon: knowledge.lexicon)
        abbreviations = AbbreviationLinker(lexicon: knowledge.lexicon, vocabulary: knowledge.vocabulary)
    }

    /// Whether entry `e` is a `therapeutic-use` entry (a kind id compare, not a set lookup).
    @inline(__always)
    func isTherapeuticUse(_ e: Int32) -> Bool {
        knowledge.lexicon.kindID(ofEntry: e) == therapeuticUseKind[0]
    }

    /// Rule phrases of different rules may nest ("do not" in "do not take"): the cue and blocker
    /// layers report every phrase; terms, triggers and list words keep leftmost-longest.
    static let overlappingLayers: UInt8 = 1 << UInt8(PhraseLayer.cues) | 1 << UInt8(PhraseLayer.blockers)

    package func process(_ doc: inout AnalyzedDocument) {
        doc.terms.removeAll(keepingCapacity: true)
        doc.cues.removeAll(keepingCapacity: true)
        doc.triggers.removeAll(keepingCapacity: true)
        doc.subjectPhrases.removeAll(keepingCapacity: true)
        doc.tokenRoles = Array(repeating: 0, count: doc.tokens.count)
        var positions: [Int] = []
        var layers: [[Mention]] = Array(repeating: [], count: PhraseLayer.count)
        var scratch = PhraseAutomaton.MatchScratch()
        // "EQUETROTM": a name with a glued trademark sign is matched as the name.
        let tokens =
            TrademarkSuffix.rekeyed(doc.tokens, text: doc.normalized, vocabulary: knowledge.vocabulary) ?? doc.tokens
        for (index, sentence) in doc.sentences.enumerated() {
            positions.removeAll(keepingCapacity: true)
            for t in sentence.tokens where !PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) {
                positions.append(t)
            }
            let firstTerm = doc.terms.count
            let firstCue = doc.cues.count
            let firstTrigger = doc.triggers.count
            // One walk per position finds terms, cues, triggers and list words together. The
            // document's own layers are lent to the walk, which appends to them: each mention is
            // made where it stays, not copied there.
            layers[PhraseLayer.blockers].removeAll(keepingCapacity: true)
            layers[PhraseLayer.listWords].removeAll(keepingCapacity: true)
            swap(&layers[PhraseLayer.terms], &doc.terms)
            swap(&layers[PhraseLayer.cues], &doc.cues)
            swap(&layers[PhraseLayer.triggers], &doc.triggers)
            swap(&layers[PhraseLayer.subjectPhrases], &doc.subjectPhrases)
            knowledge.phrases.matchLayers(
                tokens: tokens, positions: positions, sentence: index, overlapping: Self.overlappingLayers,
                into: &layers, scratch: &scratch)
            swap(&layers[PhraseLayer.terms], &doc.terms)
            swap(&layers[PhraseLayer.cues], &doc.cues)
            swap(&layers[PhraseLayer.triggers], &doc.triggers)
            swap(&layers[PhraseLayer.subjectPhrases], &doc.subjectPhrases)
            // Classes named by their purpose read the terms as matched, before the filter below.
            let purpose =
                hasTherapeuticUses
                && doc.triggers[firstTrigger...].contains { $0.entries.contains(where: purposeTriggers.contains) }
            let matchedTerms = purpose ? Array(doc.terms[firstTerm...]) : []
            if hasTherapeuticUses {
                // A condition is a class only after a purpose phrase (addClassesByPurpose).
                var kept = firstTerm
                for t in firstTerm..<doc.terms.count {
                    if doc.terms[t].entries.contains(where: isTherapeuticUse) {
                        doc.terms[t].entries.removeAll(where: isTherapeuticUse)
                        if doc.terms[t].entries.isEmpty { continue }
                    }
                    if kept != t { doc.terms.swapAt(kept, t) }
                    kept += 1
                }
                doc.terms.removeSubrange(kept...)
            }
            if !layers[PhraseLayer.blockers].isEmpty {
                // Blockers live in their own layer (they may overlap cues); the sentence's cue list
                // holds both, in text order.
                doc.cues.append(contentsOf: layers[PhraseLayer.blockers])
                doc.cues[firstCue...].sort {
                    ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
                }
            }
            addNamesAcrossAbbreviations(&doc, positions: positions, sentence: index, from: firstTerm)
            expandEllipses(&doc, positions: positions, from: firstTerm)
            if purpose {
                addClassesByPurpose(
                    &doc, triggers: Array(doc.triggers[firstTrigger...]), terms: matchedTerms, from: firstTerm)
            }
            extender.process(&doc, from: firstTerm)
            for word in layers[PhraseLayer.listWords] {
                var role: UInt8 = 0
                for payload in word.entries { role |= UInt8(payload) }
                for t in word.tokens { doc.tokenRoles[t] |= role }
            }
        }
        abbreviations.process(&doc)
    }

    /// Words that may stand between a medicine noun and its purpose phrase, or between a named
    /// drug and an apposition describing it ("rifampicin (a medicine used to treat …").
    static let appositionWords: Set<String> = [
        "a", "an", "the", "which", "that", "is", "are", "usually", "also", "often", "mainly", "commonly", "sometimes",
        "certain", "some", "other", "(", ",", "-",
    ]
    static let medicineNouns: Set<String> = [
        "medicine", "medicines", "medication", "medications", "drug", "drugs", "product", "products",
    ]

    /// A medicine named by its purpose is a class: "medicines for fungal infections" (a purpose
    /// trigger headed by a medicine noun, then within three words a `therapeutic-use` term) is a
    /// mention of the term's `therapeutic-use` entry (canonical: the class, antifungal agents),
    /// spanning both. Not when the phrase describes a drug just named ("ciprofloxacin, a medicine
    /// used to treat infections", "fluvoxamine which is used to treat depression"): that drug is
    /// the medicine meant.
    private func addClassesByPurpose(
        _ doc: inout AnalyzedDocument, triggers: [Mention], terms: [Mention], from first: Int
    ) {
        var added: [Mention] = []
        func word(_ t: Int) -> String {
            String(decoding: doc.normalized[doc.tokens[t].range].map(Folding.lower), as: UTF8.self)
        }
        for trigger in triggers where trigger.entries.contains(where: purposeTriggers.contains) {
            // Headed by a medicine noun: in the phrase ("medicines for") or just before it.
            var headed = trigger.tokens.contains { Self.medicineNouns.contains(word($0)) }
            var t = trigger.tokens.lowerBound - 1
            let sentenceStart = doc.sentences[trigger.sentence].tokens.lowerBound
            while t >= sentenceStart, t >= trigger.tokens.lowerBound - 6 {
                let w = word(t)
                if Self.medicineNouns.contains(w) { headed = true } else if !Self.appositionWords.contains(w) { break }
                t -= 1
            }
            guard headed else { continue }
            // Describing a drug or class named just before: that is the medicine meant.
            if t >= sentenceStart,
                doc.terms.contains(where: {
                    $0.tokens.contains(t)
                        && (!knowledge.lexicon.drugNames(of: $0).isEmpty
                            || knowledge.lexicon.entryIndex(of: $0, kinds: classKind) != nil)
                })
            {
                continue
            }
            for term in terms {
                guard term.tokens.lowerBound >= trigger.tokens.upperBound else { continue }
                var words = 0
                for t in trigger.tokens.upperBound..<term.tokens.lowerBound
                where !PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) {
                    words += 1
                }
                if words > 3 { break }
                guard let use = knowledge.lexicon.entryIndex(of: term, kinds: therapeuticUseKind) else { continue }
                added.append(
                    Mention(
                        tokens: trigger.tokens.lowerBound..<term.tokens.upperBound,
                        range: trigger.range.lowerBound..<term.range.upperBound, entries: [Int32(use)],
                        sentence: term.sentence))
                break
            }
        }
        guard !added.isEmpty else { return }
        doc.terms.append(contentsOf: added)
        doc.terms[first...].sort {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
    }

    /// A name with its abbreviation inside it is still the name: "monoamine oxidase (MAO)
    /// inhibitors", "phosphodiesterase-5 (PDE5) inhibitor", "tumor necrosis factor (TNF) blocker".
    /// The sentence is matched again without each parenthesised abbreviation (one or two tokens, a
    /// capital or digit, between words); terms that span the gap are added.
    private func addNamesAcrossAbbreviations(
        _ doc: inout AnalyzedDocument, positions: [Int], sentence: Int, from first: Int
    ) {
        var skipped: Set<Int> = []
        let text = doc.normalized
        for (p, t) in positions.enumerated() where p + 2 < positions.count && p > 0 {
            guard doc.tokens[t].kind == .punctuation, text[Int(doc.tokens[t].start)] == UInt8(ascii: "(") else {
                continue
            }
            var close = p + 1
            while close < positions.count, close <= p + 3,
                !(doc.tokens[positions[close]].kind == .punctuation
                    && text[Int(doc.tokens[positions[close]].start)] == UInt8(ascii: ")"))
            {
                close += 1
            }
            guard close < positions.count, close <= p + 3, close > p + 1, close + 1 < positions.count else { continue }
            let inner = positions[(p + 1)..<close]
            let looksAbbreviated =
                inner.allSatisfy { doc.tokens[$0].kind == .word || doc.tokens[$0].kind == .number }
                && inner.contains { i in
                    (Int(doc.tokens[i].start)..<Int(doc.tokens[i].end)).contains {
                        text[$0] &- 0x41 < 26 || text[$0] &- 0x30 < 10
                    }
                }
            guard looksAbbreviated, doc.tokens[positions[p - 1]].kind == .word,
                doc.tokens[positions[close + 1]].kind == .word
            else { continue }
            // It abbreviates the words before it: its first letter starts one of the three before.
            let initial = Folding.lower(text[Int(doc.tokens[positions[p + 1]].start)])
            guard
                positions[max(0, p - 3)..<p].contains(where: {
                    Folding.lower(text[Int(doc.tokens[$0].start)]) == initial
                })
            else { continue }
            for q in p...close { skipped.insert(positions[q]) }
        }
        guard !skipped.isEmpty else { return }
        let reduced = positions.filter { !skipped.contains($0) }
        var found: [Mention] = []
        knowledge.phrases.matches(
            tokens: doc.tokens, positions: reduced, sentence: sentence, layer: PhraseLayer.terms, into: &found)
        var added = false
        for var mention in found where mention.tokens.contains(where: skipped.contains) {
            if hasTherapeuticUses {
                mention.entries.removeAll(where: isTherapeuticUse)
                if mention.entries.isEmpty { continue }
            }
            doc.terms.append(mention)
            added = true
        }
        if added {
            doc.terms[first...].sort {
                ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
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
            // Positions ascend: a binary search, not a scan per term.
            let p = positions.partitionPoint { $0 >= mention.tokens.lowerBound }
            guard p < positions.count, positions[p] == mention.tokens.lowerBound, p >= 2 else { continue }
            let tail = positions[(p + 1)...].prefix { $0 < mention.tokens.upperBound }
            guard !tail.isEmpty, coordinators.contains(doc.tokens[positions[p - 1]].key) else { continue }
            let head = positions[p - 2]
            guard doc.tokens[head].kind == .word else { continue }
            var state = knowledge.terms.step(0, doc.tokens[head].key)
            for t in tail where state >= 0 { state = knowledge.terms.step(state, doc.tokens[t].key) }
            guard state >= 0, let payloads = knowledge.terms.payloads(at: state) else { continue }
            added.append(
                Mention(
                    tokens: head..<mention.tokens.upperBound,
                    range: Int(doc.tokens[head].start)..<mention.range.upperBound,
                    entries: payloads, sentence: mention.sentence))
        }
        guard !added.isEmpty else { return }
        doc.terms.append(contentsOf: added)
        doc.terms[first...].sort {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
    }
}

extension Tagger: Stage {}
