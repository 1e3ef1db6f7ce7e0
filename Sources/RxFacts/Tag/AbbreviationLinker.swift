/// Part of stage `tag`: a text's own abbreviations. Where a term is followed by its short form in
/// parentheses — "progressive multifocal leukoencephalopathy (PML)", "benign prostatic
/// hyperplasia (BPH)" — the short form there and at every later occurrence in the document is a
/// mention of the same entries (replacing any other reading of it: the text's definition wins).
///
/// A short form is one word of two to eight letters or digits with at least two capitals, whose
/// first letter starts the term's first word, leading modifiers aside (case-sensitive match of later occurrences).
struct AbbreviationLinker: Sendable {
    let lexicon: LexiconIndex
    /// Kinds that are not mentions of their own (modifiers, changes, headings): never a long form.
    let excludedKinds: Set<UInt16>

    /// Vocabulary keys of the words of modifiers that attach before a mention ("primary", "moderate to severe"):
    /// the words a short form may leave out at the start of its long form.
    let leadingModifiers: Set<Int32>

    init(lexicon: LexiconIndex, vocabulary: Vocabulary? = nil) {
        self.lexicon = lexicon
        excludedKinds = Set(lexicon.kindIDs(["modifier", "change", "body-system", "abbreviation"]))
        var keys: Set<Int32> = []
        if let vocabulary {
            for entry in lexicon.lexicon.entries
            where entry.kind == "modifier" && entry.attribute("attach") == "before" {
                // Every word of the modifier: "moderate to severe primary restless legs syndrome (RLS)".
                for variant in entry.variants {
                    for word in variant.lowercased().split(separator: " ") {
                        let bytes = Array(word.utf8)
                        if let key = vocabulary.find(bytes, 0..<bytes.count, kind: .word) { keys.insert(key) }
                    }
                }
            }
        }
        leadingModifiers = keys
    }

    func process(_ doc: inout AnalyzedDocument) {
        let text = doc.normalized
        var definitions: [[UInt8]: (entries: EntryList, from: Int)] = [:]
        func isWord(_ t: Int) -> Bool { t < doc.tokens.count && doc.tokens[t].kind == .word }
        func isMark(_ t: Int, _ mark: UInt8) -> Bool {
            t < doc.tokens.count && doc.tokens[t].kind == .punctuation && doc.tokens[t].end - doc.tokens[t].start == 1
                && text[Int(doc.tokens[t].start)] == mark
        }
        for term in doc.terms {
            let open = term.tokens.upperBound
            let short = open + 1
            guard isMark(open, UInt8(ascii: "(")), isWord(short), isMark(short + 1, UInt8(ascii: ")")),
                doc.sentences[term.sentence].tokens.contains(short + 1)
            else { continue }
            let word = Array(text[doc.tokens[short].range])
            guard (2...8).contains(word.count), word.filter({ $0 &- 0x41 < 26 }).count >= 2 else { continue }
            // The short form starts with the term's first word, or with the first after type words
            // joined to the mention ("primary restless legs syndrome (RLS)").
            let initial = Folding.lower(word[0])
            var starts = false
            for t in term.tokens where doc.tokens[t].kind == .word {
                if Folding.lower(text[Int(doc.tokens[t].start)]) == initial {
                    starts = true
                    break
                }
                if !leadingModifiers.contains(doc.tokens[t].key) { break }
            }
            guard starts else { continue }
            let entries = term.entries.filter { !excludedKinds.contains(lexicon.kindID(ofEntry: $0)) }
            guard !entries.isEmpty, definitions[word] == nil else { continue }
            definitions[word] = (entries, short)
        }
        guard !definitions.isEmpty else { return }
        // The short forms' lengths (2 to 8 bytes) as bits: a test per word without hashing.
        let lengths = definitions.keys.reduce(UInt16(0)) { $0 | 1 << UInt16($1.count) }
        var added: [Mention] = []
        var replaced: [Int: EntryList] = [:]
        // Per token: the one-token term on it (-1: none), and whether a longer term covers it.
        var termAt = Array(repeating: -1, count: doc.tokens.count)
        var covered = Array(repeating: false, count: doc.tokens.count)
        for (i, term) in doc.terms.enumerated() {
            if term.tokens.count == 1 {
                termAt[term.tokens.lowerBound] = i
            } else {
                for t in term.tokens { covered[t] = true }
            }
        }
        for (s, sentence) in doc.sentences.enumerated() {
            for t in sentence.tokens where doc.tokens[t].kind == .word {
                let token = doc.tokens[t]
                let length = Int(token.end - token.start)
                guard length <= 8, lengths & 1 << UInt16(length) != 0, text[Int(token.start)] &- 0x41 < 26,
                    let definition = definitions[Array(text[token.range])], t >= definition.from, !covered[t]
                else { continue }
                if termAt[t] >= 0 {
                    let i = termAt[t]
                    replaced[i] = definition.entries
                } else {
                    added.append(
                        Mention(tokens: t..<(t + 1), range: token.range, entries: definition.entries, sentence: s))
                }
            }
        }
        for (i, entries) in replaced { doc.terms[i].entries = entries }
        guard !added.isEmpty else { return }
        doc.terms.append(contentsOf: added)
        doc.terms.sort {
            ($0.sentence, $0.range.lowerBound, $0.range.upperBound) < (
                $1.sentence, $1.range.lowerBound, $1.range.upperBound
            )
        }
    }
}
