/// Stage `assemble`: turns the fact rules' findings (`FactRuleMatcher`) and the facts the format
/// declared into facts per drug, merging repeated statements into one fact with several pieces
/// of evidence, each with its section, source byte range and rule.
package struct FactAssembler: Sendable {
    package let knowledge: Knowledge
    var matcher: FactRuleMatcher { FactRuleMatcher(rules: knowledge.factRules, lexicon: knowledge.lexicon) }
    /// Lexicon kind ids `isApposition` reads: what names a drug, and what names a condition.
    let drugKinds: [UInt16]
    let conditionKinds: [UInt16]

    package init(knowledge: Knowledge) {
        self.knowledge = knowledge
        drugKinds = knowledge.lexicon.kindIDs(["drug", "brand"])
        conditionKinds = knowledge.lexicon.kindIDs(["condition", "effect"])
    }

    /// A fact being built: its evidence and whether each piece was hedged.
    struct Draft {
        var fact: Fact
        var evidence: [(evidence: Evidence, hedged: Bool, rule: String)] = []
        var qualifiers: [String: Set<String>] = [:]
        /// (start, end) of the evidence already taken, so repeats are skipped: most facts have a
        /// few pieces, searched in a short list; a fact with many (named all through a long
        /// label) moves them to a set.
        var spans: [Int] = []
        var manySpans: Set<Int> = []

        init(fact: Fact) { self.fact = fact }

        /// False when this source span is already evidence of the fact.
        mutating func claim(_ span: Range<Int>) -> Bool {
            let key = span.lowerBound &* 1_000_003 &+ span.upperBound
            if spans.count < 16 {
                if spans.contains(key) { return false }
                spans.append(key)
                return true
            }
            if manySpans.isEmpty { manySpans = Set(spans) }
            return manySpans.insert(key).inserted
        }

        mutating func add(_ evidence: Evidence, hedged: Bool, rule: String) {
            if claim(evidence.start..<evidence.end) { self.evidence.append((evidence, hedged, rule)) }
        }
    }

    /// Drafts in creation order with an index by fact key (one hash per lookup, mutation in place).
    struct Drafts {
        var list: [Draft] = []
        var index: [FactKey: Int] = [:]

        mutating func index(of key: FactKey, creating fact: () -> Fact) -> Int {
            if let existing = index[key] { return existing }
            list.append(Draft(fact: fact()))
            index[key] = list.count - 1
            return list.count - 1
        }
    }

    package func process(_ doc: inout AnalyzedDocument) {
        let matcher = self.matcher
        let rules = knowledge.factRules
        let lexicon = knowledge.lexicon
        var drafts = Drafts()
        let cuesBySentence = MentionsBySentence(doc.cues, sentences: doc.sentences.count)
        let termsBySentence = MentionsBySentence(doc.terms, sentences: doc.sentences.count)
        // The drug is not combined with itself, nor with its racemate (SubjectResolver.racemates).
        let subjectNames = Set(doc.subjects.map(\.name)).union(
            SubjectResolver.racemates(of: Set(doc.subjects.map(\.name)), lexicon: lexicon))
        let sectionPaths = FactRuleMatcher.sectionPaths(doc)
        let applies = matcher.applicability(sectionPaths)
        let qualifiersBySection = matcher.sectionQualifiers(sectionPaths)
        let readsOtherDrugSentences = matcher.readsOtherDrugSentences
        var findings: [FactRuleMatcher.Finding] = []

        for (s, sentence) in doc.sentences.enumerated() where !termsBySentence[s].isEmpty {
            let references = doc.references(ofSentence: s)
            // A sentence about another drug states nothing about this one, except to section
            // rules whose targets are other drugs (an interactions section's list).
            if references.isAboutOtherDrug, !readsOtherDrugSentences { continue }
            let cues = cuesBySentence[s]
            let terms = termsBySentence[s]
            let termsByToken = TermsByToken(terms)
            findings.removeAll(keepingCapacity: true)
            let leadIn =
                sentence.leadIn >= 0
                ? FactRuleMatcher.LeadIn(
                    sentence: Int(sentence.leadIn), cues: cuesBySentence[Int(sentence.leadIn)],
                    references: doc.references(ofSentence: Int(sentence.leadIn)))
                : nil
            matcher.findings(
                inSentence: s, section: sentence.section, cues: cues, terms: terms, references: references,
                leadIn: leadIn,
                subjectNames: subjectNames, applies: applies, doc: doc, into: &findings)
            guard !findings.isEmpty else { continue }
            let scopes = ScopeLookup(doc.scopes(ofSentence: s))
            let sectionName = doc.sections[sentence.section].name
            var placeQualifiers = qualifiersBySection[sentence.section]
            let roles = doc.roles(ofSentence: s)
            for q in rules.sectionQualifiers.indices
            where rules.sectionQualifiers[q].roles & roles != 0 && !placeQualifiers.contains(q) {
                placeQualifiers.append(q)
            }
            if !rules.sectionQualifiers.isEmpty {
                for cue in cues {
                    for payload in cue.entries where rules.cueRoles[Int(payload)].kind == .sentenceQualifier {
                        let q = Int(rules.cueRoles[Int(payload)].index)
                        if !placeQualifiers.contains(q) { placeQualifiers.append(q) }
                    }
                }
            }
            var qualifiersByRule: [Int: [String: Set<String>]] = [:]
            var seenTargets = Set<Int>()
            // One sentence never states a fact both ways: where a value is negated in it ("not
            // approved for the treatment of … dementia"), it is not asserted from it too.
            var negatedHere: Set<FactKey> = []
            if !scopes.negated.isEmpty {
                for finding in findings {
                    let rule = rules.rules[finding.rule]
                    guard rule.negatable, !rule.dropNegated,
                        scopes.negated.contains(finding.target.range.lowerBound)
                    else { continue }
                    let entryIndex =
                        rule.value == nil ? lexicon.entryIndex(of: finding.target, kinds: rule.targetKindIDs) : nil
                    guard let value = rule.value ?? entryIndex.map(lexicon.canonical(ofEntry:)) else {
                        continue
                    }
                    negatedHere.insert(FactKey(type: rule.fact, value: value, negated: false))
                }
            }
            for finding in findings {
                let rule = rules.rules[finding.rule]
                let target = finding.target
                guard seenTargets.insert(finding.rule &* 1_000_003 &+ target.range.lowerBound).inserted else {
                    continue
                }
                let entryIndex = rule.value == nil ? lexicon.entryIndex(of: target, kinds: rule.targetKindIDs) : nil
                guard rule.value != nil || entryIndex != nil else { continue }
                let at = target.range.lowerBound
                if rule.skipExisting, scopes.existing.contains(at) { continue }
                if rule.skipPurpose, scopes.purpose.contains(at) { continue }
                if rule.skipBackground, scopes.background.contains(at) { continue }
                if rule.dropNegated, scopes.negated.contains(at) { continue }
                if rule.dropHedged, scopes.hedged.contains(at) { continue }
                if rule.skipExplanations, Self.explains(target, in: sentence, doc: doc) { continue }
                if rule.skipAppositions, isApposition(target, among: termsByToken, in: sentence, doc: doc) { continue }
                // Read the two fields needed, not a copy of the whole entry.
                let value = rule.value ?? entryIndex.map(lexicon.canonical(ofEntry:)) ?? ""
                if !rule.excludedValues.isEmpty, rule.excludedValues.contains(value.lowercased()) { continue }
                let negated = rule.negatable && scopes.negated.contains(at)
                let hedged =
                    scopes.hedged.contains(at)
                    || (rule.conditionalHedges && scopes.conditional.contains(at))
                let key = FactKey(type: rule.fact, value: value, negated: negated)
                if !negated, negatedHere.contains(key) { continue }
                let span =
                    min(
                        finding.anchor.lowerBound, target.range.lowerBound)..<max(
                        finding.anchor.upperBound, target.range.upperBound)
                let source = doc.sourceRange(span)
                let d = drafts.index(of: key) {
                    Fact(
                        type: rule.fact, value: value, negated: negated, hedged: hedged,
                        code: entryIndex.flatMap(lexicon.firstCode(ofEntry:)), evidence: [],
                        rule: rule.id)
                }
                // Mutate in place: no copy of the evidence gathered so far.
                guard drafts.list[d].claim(source) else { continue }
                let evidence = Evidence(
                    section: sectionName, start: source.lowerBound, end: source.upperBound, text: doc.evidenceText(span)
                )
                drafts.list[d].evidence.append((evidence, hedged, rule.id))
                for q in placeQualifiers where rules.sectionQualifiers[q].applies(to: rule.fact) {
                    drafts.list[d].qualifiers[rules.sectionQualifiers[q].name, default: []].insert(
                        rules.sectionQualifiers[q].value)
                }
                if !rule.qualifiers.isEmpty {
                    let values =
                        qualifiersByRule[finding.rule]
                        ?? matcher.qualifierValues(rule: finding.rule, cues: cues, terms: terms, doc: doc)
                    qualifiersByRule[finding.rule] = values
                    for (name, found) in values { drafts.list[d].qualifiers[name, default: []].formUnion(found) }
                }
            }
        }
        addDeclaredFacts(doc, into: &drafts)

        // Facts in key order: the index holds one draft per key; sort it, not whole facts.
        let facts: [Fact] = drafts.index.sorted { $0.key < $1.key }.map { _, d in
            let draft = drafts.list[d]
            var fact = draft.fact
            let ordered = draft.evidence.sorted {
                ($0.evidence.start, $0.evidence.end) < ($1.evidence.start, $1.evidence.end)
            }
            fact.evidence = ordered.map(\.evidence)
            fact.hedged = ordered.allSatisfy(\.hedged)
            fact.rule = ordered.first?.rule ?? fact.rule
            fact.qualifiers = draft.qualifiers.isEmpty ? nil : draft.qualifiers.mapValues { $0.sorted() }
            return fact
        }
        doc.drugs = doc.subjects.map { subject in
            DrugRecord(name: subject.name, brands: subject.brands, codes: subject.codes, facts: facts)
        }.sorted { $0.name < $1.name }
    }

    /// How a parenthesis that lists examples or names a synonym opens ("(e.g. stomach ulcer, …)").
    static let exampleOpenings: [[UInt8]] = [
        "e.g", "eg ", "for example", "such as", "including", "for instance", "like ", "i.e", "ie ",
    ]
    .map { Array($0.utf8) }

    /// True when `term` stands inside a parenthesis without opening it: the parenthesis explains
    /// what comes before it ("delirium (a mental state with confusion …)"), it names nothing new.
    /// A parenthesis of examples or synonyms ("(e.g. stomach ulcer, …)") names things.
    static func explains(_ term: Mention, in sentence: Sentence, doc: AnalyzedDocument) -> Bool {
        var depth = 0
        var t = term.tokens.lowerBound - 1
        var first = true
        while t >= sentence.tokens.lowerBound {
            let token = doc.tokens[t]
            if token.kind == .punctuation, token.end - token.start == 1 {
                let byte = doc.normalized[Int(token.start)]
                if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                    depth += 1
                } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                    if depth == 0 {
                        if first { return false }
                        var start = Int(token.end)
                        while start < doc.normalized.count, doc.normalized[start] == 0x20 { start += 1 }
                        let range = start..<min(doc.normalized.count, start + 12)
                        return !exampleOpenings.contains { opening in
                            opening.count <= range.count
                                && zip(opening, doc.normalized[range]).allSatisfy { $0 == Folding.lower($1) }
                        }
                    }
                    depth -= 1
                }
            }
            if !PhraseAutomaton.isSkipped(token, doc.normalized) { first = false }
            t -= 1
        }
        return false
    }

    /// Whether `term` only labels or explains another mention beside it, which is the one the
    /// sentence is about. For drug classes: "the antibiotic clarithromycin", "linezolid (an
    /// antibiotic)", "tramadol, a medicine …" (the drug is the combination). For conditions:
    /// "Alzheimer's dementia, a progressive brain disorder", "a type of pain called breakthrough
    /// pain", "a form of irregular heart rhythm known as atrial fibrillation" (the specific condition
    /// is the indication, not the category that introduces or explains it).
    func isApposition(_ term: Mention, among terms: TermsByToken, in sentence: Sentence, doc: AnalyzedDocument) -> Bool
    {
        let lexicon = knowledge.lexicon
        let (drugKinds, conditionKinds) = (self.drugKinds, self.conditionKinds)
        func isDrug(_ mention: Mention) -> Bool { lexicon.entryIndex(of: mention, kinds: drugKinds) != nil }
        guard !isDrug(term) else { return false }
        let isCondition = lexicon.entryIndex(of: term, kinds: conditionKinds) != nil
        func labels(_ mention: Mention) -> Bool {
            mention.range != term.range
                && (isCondition ? lexicon.entryIndex(of: mention, kinds: conditionKinds) != nil : isDrug(mention))
        }
        let tokens = sentence.tokens
        func skipped(_ t: Int) -> Bool { PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) }
        if isCondition {
            // "pain called breakthrough pain", "rhythm known as atrial fibrillation".
            var t = term.tokens.upperBound
            while t < tokens.upperBound, skipped(t) { t += 1 }
            if t < tokens.upperBound,
                Self.isWord(doc.tokens[t], doc.normalized, in: Self.namingWords)
            {
                t += 1
                if t < tokens.upperBound, Self.isWord(doc.tokens[t], doc.normalized, in: Self.asWord) { t += 1 }
                if t < tokens.upperBound, Self.isArticle(doc.tokens[t], doc.normalized) { t += 1 }
                if terms.any(startingAt: t, where: labels) { return true }
            }
        } else if terms.any(startingAt: term.tokens.upperBound, where: labels) {
            // "the antibiotic clarithromycin": a drug right after the label.
            return true
        }
        // "linezolid (an antibiotic)", "tramadol, a medicine …", "dementia, a progressive brain
        // disorder": the labelled mention right before "(" or ", a" (up to two words may stand
        // between the article and the term).
        var t = term.tokens.lowerBound - 1
        while t >= tokens.lowerBound, skipped(t) { t -= 1 }
        var article = false
        var words = 0
        while t >= tokens.lowerBound {
            if Self.isArticle(doc.tokens[t], doc.normalized) {
                article = true
                t -= 1
                break
            }
            // "pethidine (a strong pain killer)": a class label may take words before it too.
            guard words < 2, doc.tokens[t].kind != .punctuation else { break }
            words += 1
            t -= 1
        }
        if !article {
            t = term.tokens.lowerBound - 1
            while t >= tokens.lowerBound, skipped(t) { t -= 1 }
        }
        guard t >= tokens.lowerBound else { return false }
        let token = doc.tokens[t]
        guard token.kind == .punctuation, token.end - token.start == 1 else { return false }
        let byte = doc.normalized[Int(token.start)]
        guard byte == UInt8(ascii: "(") && !isCondition || (byte == UInt8(ascii: ",") && article) else { return false }
        return terms.any(endingAt: t, where: labels)
    }

    /// A sentence's scopes, each asked whether it holds an offset once per finding: a binary
    /// search where there are many (a long sentence), a scan where there are few.
    struct ScopeLookup {
        let negated: Ranges
        let hedged: Ranges
        let conditional: Ranges
        let existing: Ranges
        let background: Ranges
        let purpose: Ranges

        init(_ scopes: SentenceScopes) {
            negated = Ranges(scopes.negated)
            hedged = Ranges(scopes.hedged)
            conditional = Ranges(scopes.conditional)
            existing = Ranges(scopes.existing)
            background = Ranges(scopes.background)
            purpose = Ranges(scopes.purpose)
        }

        /// Byte ranges, and whether one of them holds an offset.
        struct Ranges {
            /// Ordered by start when `reach` is not empty.
            private let ranges: [Range<Int>]
            /// `reach[i]`: the furthest end of `ranges[0...i]`.
            private let reach: [Int]

            init(_ ranges: [Range<Int>]) {
                guard ranges.count > 8 else {
                    (self.ranges, reach) = (ranges, [])
                    return
                }
                let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
                var reach: [Int] = []
                reach.reserveCapacity(sorted.count)
                for range in sorted { reach.append(max(reach.last ?? Int.min, range.upperBound)) }
                (self.ranges, self.reach) = (sorted, reach)
            }

            var isEmpty: Bool { ranges.isEmpty }

            func contains(_ offset: Int) -> Bool {
                guard !reach.isEmpty else { return ranges.contains { $0.contains(offset) } }
                // Of the ranges starting at or before `offset`, does one end after it?
                let after = ranges.partitionPoint { $0.lowerBound > offset }
                return after > 0 && reach[after - 1] > offset
            }
        }
    }

    /// A sentence's terms (in token order) found by the token they start or end at: a binary
    /// search and the few terms near it, not a scan of the sentence per question.
    struct TermsByToken {
        let terms: ArraySlice<Mention>
        /// The most tokens a term spans: a term ending at `t` starts at `t - longest` or later.
        let longest: Int

        init(_ terms: ArraySlice<Mention>) {
            self.terms = terms
            longest = terms.reduce(0) { max($0, $1.tokens.count) }
        }

        func any(startingAt t: Int, where body: (Mention) -> Bool) -> Bool {
            var i = FactRuleMatcher.firstIndex(in: terms, startingAtOrAfter: t)
            while i < terms.endIndex, terms[i].tokens.lowerBound == t {
                if body(terms[i]) { return true }
                i += 1
            }
            return false
        }

        func any(endingAt t: Int, where body: (Mention) -> Bool) -> Bool {
            var i = FactRuleMatcher.firstIndex(in: terms, startingAtOrAfter: t)
            while i > terms.startIndex, terms[i - 1].tokens.lowerBound >= t - longest {
                i -= 1
                if terms[i].tokens.upperBound == t, body(terms[i]) { return true }
            }
            return false
        }
    }

    /// Whether `token`, ASCII lower-cased, is one of `words` (lower case).
    static func isWord(_ token: Token, _ text: [UInt8], in words: [[UInt8]]) -> Bool {
        words.contains { Segmenter.equalsFolded(text, token.range, $0) }
    }

    static func isArticle(_ token: Token, _ text: [UInt8]) -> Bool {
        isWord(token, text, in: articles)
    }

    static let articles: [[UInt8]] = ["a", "an", "the"].map { Array($0.utf8) }
    /// Words that introduce a condition's name: "a type of pain called breakthrough pain".
    static let namingWords: [[UInt8]] = ["called", "known", "termed", "named"].map { Array($0.utf8) }
    static let asWord: [[UInt8]] = [Array("as".utf8)]

    /// Facts the format stated in its structure (a label's DEA schedule, class-indexing entries),
    /// with their provenance as evidence.
    func addDeclaredFacts(_ doc: AnalyzedDocument, into drafts: inout Drafts) {
        for declared in doc.ingested.declaredFacts {
            let range = declared.provenance.range
            let text = String(decoding: doc.ingested.source[range], as: UTF8.self)
            let evidence = Evidence(
                section: declared.source, start: range.lowerBound, end: range.upperBound, text: text,
                path: declared.provenance.path)
            let key = FactKey(type: declared.type, value: declared.value, negated: false)
            let d = drafts.index(of: key) {
                Fact(
                    type: declared.type, value: declared.value, code: declared.code, evidence: [], rule: declared.rule,
                    source: declared.source)
            }
            drafts.list[d].add(evidence, hedged: false, rule: declared.rule)
        }
    }
}

extension FactAssembler: Stage {}
