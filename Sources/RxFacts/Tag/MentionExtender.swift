/// Part of stage `tag`: makes an effect or condition mention cover the whole mention, reads
/// laboratory and vital-sign changes as findings, and keeps body-system names out of effects.
///
/// The words it uses are lexicon entries (`Pipelines/lexicons/modifiers.tsv`):
/// - `modifier` (`attach=before|after`): site and type words that belong to the mention they
///   touch — "urinary" + "incontinence", "injection site" + "erythema", "edema" + "peripheral",
///   "osteonecrosis" + "of the jaw"; a modifier with a `finding` (an effect's canonical name) is
///   a head noun that site and type words before it make a mention: "pulmonary toxicity";
/// - `change` (`attach=before|after`, `finding=` an effect's canonical name): "elevations of" +
///   ALT, creatinine + "increased" — with an `analyte` they are one mention of that effect;
///   an analyte without a change is no effect ("monitor blood pressure");
/// - `body-system`: "Gastrointestinal disorders", "Infections and infestations" head a table of
///   reactions; they are no reaction themselves; nor is an `outcome` of a trial ("adverse
///   reactions leading to withdrawal": leaving the study, not a withdrawal syndrome).
/// - `heads=effect` on a modifier: it joins only a sign or symptom (an `effect` entry), not a
///   disease: "moderate to severe pain" is one mention, "moderate to severe rosacea" names the
///   disease alone (LabeledIn, SPL-ADR);
/// - `open=` (an effect's canonical name) on a site modifier: followed by a word no term covers, it
///   is a mention of that effect with the word ("injection site warmth", "application site
///   discoloration": MedDRA names any finding at a site so).
/// Modifier and change words alone are no mention: they leave the term layer.
///
/// A class: its helpers close over it once per sentence, which then retains one object rather
/// than copying its lookup tables.
final class MentionExtender: Sendable {
    let lexicon: LexiconIndex
    /// Kind ids of `effect` and `condition` entries (two: a scan beats a hash).
    let effectKinds: [UInt16]
    let modifierKind: UInt16
    let changeKind: UInt16
    let analyteKind: UInt16
    let bodySystemKind: UInt16
    let outcomeKind: UInt16
    /// Per modifier or change entry: 1 attaches before its head, 2 after.
    let attach: [Int32: UInt8]
    /// Per change entry: the effect entry the finding is.
    let finding: [Int32: Int32]
    /// Modifier entries that join only `effect` heads (`heads=effect`).
    let effectHeadsOnly: Set<Int32>
    /// Per site modifier (`open=`): the effect entry it makes with a following word.
    let opens: [Int32: Int32]
    /// The effects that head nouns (modifiers with a `finding`) are.
    let headNounFindings: Set<Int32>
    /// Kind id of `effect` entries.
    let effectKind: UInt16
    /// Most modifiers one mention takes on each side.
    static let maximumModifiers = 3

    init(lexicon: LexiconIndex) {
        self.lexicon = lexicon
        effectKinds = lexicon.kindIDs(["effect", "condition"])
        let ids = lexicon.kindIDs(["modifier", "change", "analyte", "body-system", "outcome"])
        (modifierKind, changeKind, analyteKind, bodySystemKind, outcomeKind) = (ids[0], ids[1], ids[2], ids[3], ids[4])
        var attach: [Int32: UInt8] = [:]
        var finding: [Int32: Int32] = [:]
        var opens: [Int32: Int32] = [:]
        var effectHeadsOnly: Set<Int32> = []
        for (index, entry) in lexicon.lexicon.entries.enumerated()
        where entry.kind == "modifier" || entry.kind == "change" {
            switch entry.attribute("attach") {
            case "before": attach[Int32(index)] = 1
            case "after": attach[Int32(index)] = 2
            default: attach[Int32(index)] = 3
            }
            if let name = entry.attribute("finding"), let effect = lexicon.entryIndex(kind: "effect", named: name) {
                finding[Int32(index)] = Int32(effect)
            }
            if entry.attribute("heads") == "effect" { effectHeadsOnly.insert(Int32(index)) }
            if let name = entry.attribute("open"), let effect = lexicon.entryIndex(kind: "effect", named: name) {
                opens[Int32(index)] = Int32(effect)
            }
        }
        self.attach = attach
        self.finding = finding
        self.opens = opens
        self.effectHeadsOnly = effectHeadsOnly
        headNounFindings = Set(finding.compactMap { lexicon.kindID(ofEntry: $0.key) == ids[0] ? $0.value : nil })
        effectKind = lexicon.kindIDs(["effect"])[0]
    }

    /// True when the pipeline's lexicons have none of the entries this reads.
    var isInert: Bool {
        attach.isEmpty && bodySystemKind == UInt16.max && outcomeKind == UInt16.max && analyteKind == UInt16.max
    }

    /// Words that end a phrase rather than name a finding after a site ("injection site and …").
    static let closedWords: Set<String> = [
        "with", "were", "was", "that", "this", "these", "those", "have", "has", "had", "been", "being", "from", "into",
        "after", "before", "during", "should", "must", "than", "then", "only", "also", "each", "other", "when", "where",
        "which", "while", "within", "without", "such", "including", "include", "includes", "occurred", "occur",
        "occurs",
        "reported", "observed", "events", "event", "reactions", "reaction", "disorders", "conditions",
    ]

    /// "and" (not "or": "lips or shortness of breath", "liver or kidney function is poor" name
    /// alternatives, not one mention).
    static let andWord = Array("and".utf8)

    static func isConjunction(_ token: Token, _ text: [UInt8]) -> Bool {
        token.kind == .word && Segmenter.equalsFolded(text, token.range, andWord)
    }

    /// English words with a Latin ending that follow a disease name ("depression diagnosis").
    static let englishWords: Set<String> = [
        "diagnosis", "prognosis", "analysis", "basis", "crisis", "emphasis", "serum", "sodium", "calcium", "potassium",
        "magnesium", "lithium", "spectrum", "medium", "maximum", "minimum", "therapeutic", "mortality",
    ]

    /// A lower-case Latin species name: "trachomatis", "pneumoniae", "psittaci", "avium".
    static func isSpeciesEpithet(_ token: Token, _ text: [UInt8]) -> Bool {
        guard token.kind == .word, token.end - token.start >= 5 else { return false }
        let bytes = Array(text[token.range])
        guard bytes.allSatisfy({ $0 &- 0x61 < 26 }) else { return false }
        let word = String(decoding: bytes, as: UTF8.self)
        return ["ae", "is", "ii", "um", "i"].contains { word.hasSuffix($0) } && !englishWords.contains(word)
    }

    /// A lower-case word of at least four letters that is no function word.
    static func isOpenWord(_ token: Token, _ text: [UInt8]) -> Bool {
        guard token.kind == .word, token.end - token.start >= 4 else { return false }
        let bytes = text[token.range]
        guard bytes.allSatisfy({ $0 &- 0x61 < 26 }) else { return false }
        return !closedWords.contains(String(decoding: bytes, as: UTF8.self))
    }

    /// A genus named before its species ("Chlamydia trachomatis", "Vibrio cholerae") is the
    /// organism, not the disease named after it: the term loses its effect and condition entries.
    func dropGenusNames(_ doc: inout AnalyzedDocument, from first: Int) {
        var dropped = false
        for i in first..<doc.terms.count where doc.terms[i].tokens.count == 1 {
            let term = doc.terms[i]
            let next = term.tokens.upperBound
            guard next < doc.tokens.count, doc.sentences[term.sentence].tokens.contains(next),
                doc.normalized[term.range.lowerBound] &- 0x41 < 26,
                term.entries.contains(where: { effectKinds.contains(lexicon.kindID(ofEntry: $0)) }),
                Self.isSpeciesEpithet(doc.tokens[next], doc.normalized),
                !doc.terms[first...].contains(where: { $0.tokens.contains(next) })
            else { continue }
            doc.terms[i].entries.removeAll { effectKinds.contains(lexicon.kindID(ofEntry: $0)) }
            dropped = true
        }
        if dropped {
            let kept = doc.terms[first...].filter { !$0.entries.isEmpty }
            doc.terms.replaceSubrange(first..<doc.terms.count, with: kept)
        }
    }

    /// Rewrites `doc.terms[first...]`, the terms of one sentence (in token order).
    func process(_ doc: inout AnalyzedDocument, from first: Int) {
        guard first < doc.terms.count, !isInert else { return }
        dropGenusNames(&doc, from: first)
        guard first < doc.terms.count else { return }
        let lexicon = self.lexicon
        func kindOf(_ entry: Int32) -> UInt16 { lexicon.kindID(ofEntry: entry) }
        let special = [modifierKind, changeKind, analyteKind, bodySystemKind, outcomeKind]
        guard doc.terms[first...].contains(where: { $0.entries.contains { special.contains(kindOf($0)) } }) else {
            return
        }
        var terms = Array(doc.terms[first...])
        func isModifierOrChange(_ entry: Int32) -> Bool {
            let kind = kindOf(entry)
            return kind == modifierKind || kind == changeKind
        }
        func has(_ term: Mention, _ kind: UInt16) -> Bool { term.entries.contains { kindOf($0) == kind } }
        func isHead(_ term: Mention) -> Bool { term.entries.contains { effectKinds.contains(kindOf($0)) } }
        /// Whether modifier term `m` may join head `h` (`heads=effect` modifiers join symptoms only).
        func joins(_ m: Mention, _ h: Mention) -> Bool {
            guard !effectHeadsOnly.isEmpty, m.entries.contains(where: effectHeadsOnly.contains) else { return true }
            return h.entries.contains { kindOf($0) == effectKind }
        }
        func side(_ term: Mention) -> UInt8 {
            var bits: UInt8 = 0
            for e in term.entries { bits |= attach[e] ?? 0 }
            return bits
        }
        /// No word between two terms (joiners and possessives do not count).
        func touching(_ a: Mention, _ b: Mention) -> Bool {
            guard a.tokens.upperBound <= b.tokens.lowerBound else { return false }
            for t in a.tokens.upperBound..<b.tokens.lowerBound
            where !PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) {
                return false
            }
            return true
        }
        func merged(_ a: Mention, _ b: Mention, entries: EntryList) -> Mention {
            Mention(
                tokens: a.tokens.lowerBound..<b.tokens.upperBound, range: a.range.lowerBound..<b.range.upperBound,
                entries: entries, sentence: a.sentence)
        }
        var removed = [Bool](repeating: false, count: terms.count)
        // Laboratory and vital-sign changes: "increased ALT", "elevations of creatinine", "LVEF decreased".
        for i in terms.indices where has(terms[i], analyteKind) {
            if i > 0, !removed[i - 1],
                let change = terms[i - 1].entries.first(where: {
                    kindOf($0) == changeKind && (attach[$0] ?? 0) & 1 != 0
                }),
                let effect = finding[change], touching(terms[i - 1], terms[i])
            {
                terms[i] = merged(terms[i - 1], terms[i], entries: [effect])
                removed[i - 1] = true
            } else if i + 1 < terms.count,
                let change = terms[i + 1].entries.first(where: {
                    kindOf($0) == changeKind && (attach[$0] ?? 0) & 2 != 0
                }),
                let effect = finding[change], touching(terms[i], terms[i + 1])
            {
                terms[i] = merged(terms[i], terms[i + 1], entries: [effect])
                removed[i + 1] = true
            } else {
                // A measurement named without a change is not an effect ("blood pressure should be monitored").
                terms[i].entries.removeAll { effectKinds.contains(kindOf($0)) }
            }
        }
        // Body-system headings and trial outcomes are no reactions.
        for i in terms.indices where has(terms[i], bodySystemKind) || has(terms[i], outcomeKind) {
            terms[i].entries.removeAll { effectKinds.contains(kindOf($0)) }
        }
        // A head noun after site or type words is a mention of its own: "pulmonary toxicity",
        // "infusion reactions", "thromboembolic events" (a `modifier` with a `finding`).
        for i in terms.indices where !removed[i] && !isHead(terms[i]) {
            guard let head = terms[i].entries.first(where: { kindOf($0) == modifierKind && finding[$0] != nil }),
                let effect = finding[head]
            else { continue }
            var lower = i
            while lower > 0, i - lower < Self.maximumModifiers, !removed[lower - 1], side(terms[lower - 1]) & 1 != 0,
                has(terms[lower - 1], modifierKind), touching(terms[lower - 1], terms[lower])
            {
                lower -= 1
            }
            guard lower < i else { continue }
            terms[i] = merged(terms[lower], terms[i], entries: [effect])
            for k in lower..<i { removed[k] = true }
        }
        // Site and type modifiers join the effect or condition they touch.
        for i in terms.indices where !removed[i] && isHead(terms[i]) && !has(terms[i], modifierKind) {
            var lower = i
            while lower > 0, i - lower < Self.maximumModifiers, !removed[lower - 1], side(terms[lower - 1]) & 1 != 0,
                has(terms[lower - 1], modifierKind), touching(terms[lower - 1], terms[lower]),
                joins(terms[lower - 1], terms[i])
            {
                lower -= 1
            }
            var upper = i
            while upper + 1 < terms.count, upper - i < Self.maximumModifiers, !removed[upper + 1],
                side(terms[upper + 1]) & 2 != 0,
                has(terms[upper + 1], modifierKind), touching(terms[upper], terms[upper + 1])
            {
                upper += 1
            }
            guard lower < i || upper > i else { continue }
            terms[i] = merged(terms[lower], terms[upper], entries: terms[i].entries)
            for k in lower...upper where k != i { removed[k] = true }
        }
        // Coordinated site words share the head: "skin and soft tissue infections", "skin and skin
        // structure infections" are one mention. Not a head noun's ("anaphylactic and anaphylactoid
        // reactions", "arterial and venous thrombotic events"): those name two reactions.
        // The terms ending at each token (in index order): a merge below keeps the end of the term
        // it extends, so this stays true through the loop.
        // Made when first needed: most sentences have no head after "and".
        var endingAt: [Int: [Int]]?
        func indices(endingAt token: Int) -> [Int] {
            if endingAt == nil {
                var index: [Int: [Int]] = [:]
                for k in terms.indices where !removed[k] { index[terms[k].tokens.upperBound, default: []].append(k) }
                endingAt = index
            }
            return endingAt?[token] ?? []
        }
        for i in terms.indices
        where !removed[i] && isHead(terms[i]) && !has(terms[i], modifierKind)
            && !terms[i].entries.contains(where: headNounFindings.contains)
        {
            var c = terms[i].tokens.lowerBound - 1
            while c >= 0, PhraseAutomaton.isSkipped(doc.tokens[c], doc.normalized) { c -= 1 }
            guard c > 0, Self.isConjunction(doc.tokens[c], doc.normalized),
                let j = indices(endingAt: c).last(where: { $0 < i && !removed[$0] }),
                has(terms[j], modifierKind), side(terms[j]) & 1 != 0, !isHead(terms[j]),
                // An elliptic reading of the pair is a term already ("subarachnoid and intracerebral
                // hemorrhages": subarachnoid hemorrhage): each conjunct names its own.
                !indices(endingAt: terms[i].tokens.upperBound).contains(where: { k in
                    k != i && !removed[k] && terms[k].tokens.lowerBound <= terms[j].tokens.lowerBound
                })
            else { continue }
            terms[i] = merged(terms[j], terms[i], entries: terms[i].entries)
            removed[j] = true
        }
        // A site with a word no term covers: "injection site warmth".
        if !opens.isEmpty {
            for i in terms.indices where !removed[i] {
                guard let site = terms[i].entries.first(where: { isModifierOrChange($0) && opens[$0] != nil }),
                    let effect = opens[site]
                else {
                    continue
                }
                let next = terms[i].tokens.upperBound
                guard next < doc.tokens.count, doc.sentences[terms[i].sentence].tokens.contains(next),
                    Self.isOpenWord(doc.tokens[next], doc.normalized),
                    !terms.indices.contains(where: { !removed[$0] && terms[$0].tokens.contains(next) })
                else { continue }
                let token = doc.tokens[next]
                terms[i] = Mention(
                    tokens: terms[i].tokens.lowerBound..<(next + 1), range: terms[i].range.lowerBound..<Int(token.end),
                    entries: [effect], sentence: terms[i].sentence)
            }
        }
        // What is left of modifier and change words is no term.
        // (`removeAll` copies a shared list before it looks: test first.)
        for i in terms.indices where !removed[i] && terms[i].entries.contains(where: isModifierOrChange) {
            terms[i].entries.removeAll(where: isModifierOrChange)
            if terms[i].entries.isEmpty { removed[i] = true }
        }
        var kept: [Mention] = []
        kept.reserveCapacity(terms.count)
        for i in terms.indices where !removed[i] { kept.append(terms[i]) }
        kept.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        doc.terms.replaceSubrange(first..<doc.terms.count, with: kept)
    }
}
