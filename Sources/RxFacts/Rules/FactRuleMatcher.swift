/// Applies the compiled fact rules to a tagged sentence: for each rule, the target terms it finds
/// and the cue (or the term itself, for rules without cues) each hangs on. What a rule *means* —
/// its cues, gap, list reading, subject requirement, section filters, qualifiers — is read here,
/// and nowhere else; the assembler turns the findings into facts.
struct FactRuleMatcher {
    let rules: FactRuleSet
    let lexicon: LexiconIndex

    /// A target found for a rule in a sentence, and the cue (or the target itself) it hangs on.
    struct Finding {
        var rule: Int
        var target: Mention
        var anchor: Range<Int>
    }

    /// Per rule, per section: whether the rule applies there. A rule applies in a section whose
    /// name, or the name of a declared section enclosing it ("serious infections" inside
    /// "warnings and cautions"), contains one of its `sections` and none of its `exclude_sections`.
    func applicability(_ sectionPaths: [[String]]) -> [[Bool]] {
        // Each distinct section phrase is looked for once per section, in the names' bytes made
        // once, not once per rule naming it.
        let phrases = rules.sectionPhrases
        let found: [[Bool]] = sectionPaths.map { names in
            let bytes = names.map { Array($0.utf8) }
            return phrases.phrases.map { phrase in
                phrase.isEmpty || bytes.contains { $0.endOfFirst(phrase, from: 0) != nil }
            }
        }
        return rules.rules.indices.map { r in
            let (included, excluded) = (phrases.included[r], phrases.excluded[r])
            return found.map { hit in
                (included.isEmpty || included.contains { hit[$0] }) && !excluded.contains { hit[$0] }
            }
        }
    }

    /// Per section, the section qualifiers (severity in a boxed warning…) its facts get.
    func sectionQualifiers(_ sectionPaths: [[String]]) -> [[Int]] {
        sectionPaths.map { names in
            rules.sectionQualifiers.indices.filter { q in
                let wanted = rules.sectionQualifiers[q].sections
                return names.contains { name in wanted.contains { name.containsBytes($0) } }
            }
        }
    }

    /// Per section: its own name, then the names of the declared sections enclosing it (SPL and
    /// ePI subsections lie inside their parent's range). Plain text has no nesting. One sweep over
    /// sections and declared sections in start order: linear in their number, however many.
    static func sectionPaths(_ doc: AnalyzedDocument) -> [[String]] {
        let declared = doc.declaredSections.indices.sorted {
            (doc.declaredSections[$0].range.lowerBound, $0) < (doc.declaredSections[$1].range.lowerBound, $1)
        }
        let order = doc.sections.indices.sorted {
            (doc.sections[$0].body.lowerBound, $0) < (doc.sections[$1].body.lowerBound, $1)
        }
        var paths = Array(repeating: [String](), count: doc.sections.count)
        var next = 0
        var open: [Int] = []
        for s in order {
            let start = doc.sections[s].body.lowerBound
            while next < declared.count, doc.declaredSections[declared[next]].range.lowerBound <= start {
                open.append(declared[next])
                next += 1
            }
            open.removeAll { doc.declaredSections[$0].range.upperBound <= start }
            var names = [doc.sections[s].name]
            for d in open.sorted() where !names.contains(doc.declaredSections[d].name) {
                names.append(doc.declaredSections[d].name)
            }
            paths[s] = names
        }
        return paths
    }

    /// The list lead-in governing a sentence: its cues and drug references.
    struct LeadIn {
        var sentence: Int
        var cues: ArraySlice<Mention>
        var references: SentenceReferences
    }

    /// The rules' findings in sentence `s`, sorted by rule (stable: cue order within a rule).
    func findings(
        inSentence s: Int, section: Int, cues: ArraySlice<Mention>, terms: ArraySlice<Mention>,
        references: SentenceReferences,
        leadIn: LeadIn?, subjectNames: Set<String>, applies: [[Bool]], doc: AnalyzedDocument,
        into findings: inout [Finding]
    ) {
        let aboutOtherDrug = references.isAboutOtherDrug
        // A list item continues its lead-in: the drug the lead-in names ("Eliquis is used in
        // adults:") is named before the item's own cues ("to prevent blood clots …").
        var references = references
        if let leadIn, !leadIn.references.references.isEmpty {
            references.references = leadIn.references.references + references.references
        }
        let roles = doc.roles(ofSentence: s)
        // Each rule's applicability is worked out once per sentence (its requirement and blocker
        // scans read every cue: once per cue would be quadratic in a long sentence).
        var applicability: [UInt8] = []
        func applicable(_ ruleIndex: Int) -> Bool {
            let rule = rules.rules[ruleIndex]
            guard rule.hasRequirements || rule.hasBlockers else { return isApplicable(ruleIndex) }
            if applicability.isEmpty { applicability = Array(repeating: 0, count: rules.rules.count) }
            if applicability[ruleIndex] == 0 { applicability[ruleIndex] = isApplicable(ruleIndex) ? 2 : 1 }
            return applicability[ruleIndex] == 2
        }
        func isApplicable(_ ruleIndex: Int) -> Bool {
            let rule = rules.rules[ruleIndex]
            guard applies[ruleIndex][section], rule.roles == 0 || roles & rule.roles != 0,
                roles & rule.excludedRoles == 0
            else { return false }
            if rule.hasRequirements, !cues.contains(where: { rules.isRequirement($0, of: ruleIndex) }),
                !(leadIn?.cues.contains { rules.isRequirement($0, of: ruleIndex) } ?? false)
            {
                return false
            }
            return !rule.hasBlockers || !cues.contains { rules.isBlocker($0, of: ruleIndex) }
        }
        // Whether the sentence (with its lead-in's references) and the lead-in name the drug: read
        // once, not once per cue.
        let namesDocumentDrug = references.namesDocumentDrug
        let leadInNamesDocumentDrug = leadIn?.references.namesDocumentDrug ?? false
        func subjectMet(
            _ rule: FactRuleSet.Rule, cue: Mention, references: SentenceReferences, namesDocumentDrug: Bool
        ) -> Bool {
            switch rule.subject {
            case .beforeCue: references.documentDrugNamed(before: cue.range.lowerBound)
            case .explicit: namesDocumentDrug
            case .any: true
            case .afterCue:
                references.references.contains {
                    $0.isDocumentDrug && $0.start >= cue.range.upperBound && $0.start <= cue.range.upperBound + 3
                }
            }
        }
        // Rules with cues: each cue of the sentence, in order, for the rules it belongs to.
        for cue in cues where !aboutOtherDrug {
            for payload in cue.entries {
                let role = rules.cueRoles[Int(payload)]
                guard role.kind == .cue else { continue }
                let ruleIndex = Int(role.index)
                let rule = rules.rules[ruleIndex]
                guard applicable(ruleIndex),
                    subjectMet(rule, cue: cue, references: references, namesDocumentDrug: namesDocumentDrug)
                else { continue }
                if rule.value != nil {
                    findings.append(Finding(rule: ruleIndex, target: cue, anchor: cue.range))
                    continue
                }
                if rule.direction == .backward {
                    if let target = target(before: cue, in: terms, doc: doc, kinds: rule.targetKindIDs, gap: rule.gap) {
                        findings.append(Finding(rule: ruleIndex, target: target, anchor: cue.range))
                    }
                    continue
                }
                let excluded = rule.excludeSubject ? subjectNames : []
                for target in targets(
                    after: cue, in: terms, doc: doc, kinds: rule.targetKindIDs, gap: rule.gap, list: rule.list,
                    excluding: excluded)
                {
                    findings.append(Finding(rule: ruleIndex, target: target, anchor: cue.range))
                }
            }
        }
        // A list item continues its lead-in: a cue ending the lead-in ("used to treat:") takes
        // the targets at the start of the item ("* depression").
        if let leadIn, !aboutOtherDrug {
            let leadSentence = doc.sentences[leadIn.sentence]
            let itemStart = doc.sentences[s].tokens.lowerBound
            let start = Mention(
                tokens: itemStart..<itemStart,
                range: doc.sentences[s].range.lowerBound..<doc.sentences[s].range.lowerBound, entries: [], sentence: s)
            for cue in leadIn.cues {
                var distance = 0
                for t in cue.tokens.upperBound..<leadSentence.tokens.upperBound
                where !PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) {
                    if doc.tokens[t].kind != .punctuation { distance += 1 }
                }
                for payload in cue.entries {
                    let role = rules.cueRoles[Int(payload)]
                    guard role.kind == .cue else { continue }
                    let ruleIndex = Int(role.index)
                    let rule = rules.rules[ruleIndex]
                    guard rule.value == nil, distance <= rule.gap, applicable(ruleIndex),
                        subjectMet(
                            rule, cue: cue, references: leadIn.references, namesDocumentDrug: leadInNamesDocumentDrug)
                    else { continue }
                    let excluded = rule.excludeSubject ? subjectNames : []
                    for target in targets(
                        after: start, in: terms, doc: doc, kinds: rule.targetKindIDs, gap: rule.gap, list: rule.list,
                        excluding: excluded)
                    {
                        findings.append(Finding(rule: ruleIndex, target: target, anchor: cue.range))
                    }
                }
            }
        }
        // Rules without cues: every target term of the sentence.
        for (ruleIndex, rule) in rules.rules.enumerated() where !rule.hasCues && applicable(ruleIndex) {
            if aboutOtherDrug, !rule.excludeSubject { continue }
            if rule.subject != .any, !namesDocumentDrug { continue }
            for term in terms where lexicon.entryIndex(of: term, kinds: rule.targetKindIDs) != nil {
                if rule.excludeSubject, lexicon.drugNames(of: term).contains(where: subjectNames.contains) { continue }
                findings.append(Finding(rule: ruleIndex, target: term, anchor: term.range))
            }
        }
        findings.sort { $0.rule < $1.rule }
    }

    /// True when some rule without cues reads sentences about other drugs (an interactions
    /// section's list of medicines); otherwise such sentences can be skipped outright.
    var readsOtherDrugSentences: Bool { rules.rules.contains { !$0.hasCues && $0.excludeSubject } }

    /// Target mentions after `cue`: the first within `gap` tokens, then (when `list`) those
    /// coordinated with it ("anxiety, seizures, and muscle spasms").
    func targets(
        after cue: Mention, in terms: ArraySlice<Mention>, doc: AnalyzedDocument, kinds: [UInt16], gap: Int, list: Bool,
        excluding excluded: Set<String>
    ) -> [Mention] {
        var result: [Mention] = []
        var previousEnd = cue.tokens.upperBound
        // Terms are in token order: start at the first after the cue (a binary search), not at the
        // sentence's first.
        for term in terms[Self.firstIndex(in: terms, startingAtOrAfter: cue.tokens.upperBound)...] {
            let isTarget = lexicon.entryIndex(of: term, kinds: kinds) != nil
            if term.tokens.lowerBound < previousEnd {
                // Matches are leftmost-longest, so a term inside the last one and ending with it is
                // the second half of an ellipsis: "moderate or serious kidney problems" holds
                // "moderate kidney problems" and "serious kidney problems".
                if isTarget, list, let last = result.last, term.tokens.upperBound == last.tokens.upperBound,
                    term.tokens.lowerBound > last.tokens.lowerBound
                {
                    result.append(term)
                }
                continue
            }
            if isTarget, !excluded.isEmpty, lexicon.drugNames(of: term).contains(where: excluded.contains) { continue }
            var count = 0
            var separator = false
            var stop = false
            for t in previousEnd..<term.tokens.lowerBound
            where !PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) {
                if doc.tokenRoles[t] & 4 != 0 { continue }
                count += 1
                if doc.tokenRoles[t] & 1 != 0 { separator = true }
                if doc.tokenRoles[t] & 2 != 0 { stop = true }
            }
            if result.isEmpty {
                if stop || count > gap { break }
                if !isTarget { continue }
            } else {
                // A term right after the last one continues the list without a separator: the label
                // and its drug in "clarithromycin, the hepatitis C protease inhibitor telaprevir, …".
                if stop || count > rules.listGap || (!separator && count > 0) { break }
                if !isTarget { continue }
            }
            result.append(term)
            previousEnd = term.tokens.upperBound
            if !list { break }
        }
        return result
    }

    /// The index of the first of `terms` (in token order) that starts at or after token `token`.
    static func firstIndex(in terms: ArraySlice<Mention>, startingAtOrAfter token: Int) -> Int {
        terms.partitionPoint { $0.tokens.lowerBound >= token }
    }

    /// The nearest target mention ending before `cue`, within `gap` tokens and no stop word between.
    func target(
        before cue: Mention, in terms: ArraySlice<Mention>, doc: AnalyzedDocument, kinds: [UInt16], gap: Int
    ) -> Mention? {
        // Terms starting at or after the cue cannot end before it: search back from the last
        // that starts before it.
        let end = Self.firstIndex(in: terms, startingAtOrAfter: cue.tokens.lowerBound)
        for term in terms[..<end].reversed() where term.tokens.upperBound <= cue.tokens.lowerBound {
            var count = 0
            for t in term.tokens.upperBound..<cue.tokens.lowerBound
            where !PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) {
                if doc.tokenRoles[t] & 2 != 0 { return nil }
                if doc.tokenRoles[t] & 4 == 0 { count += 1 }
            }
            if count > gap { return nil }
            if lexicon.entryIndex(of: term, kinds: kinds) != nil { return term }
        }
        return nil
    }

    /// Values of the rule's qualifiers found in the sentence (e.g. risks after "leading to").
    func qualifierValues(
        rule: Int, cues: ArraySlice<Mention>, terms: ArraySlice<Mention>, doc: AnalyzedDocument
    ) -> [String: Set<String>] {
        let compiled = rules.rules[rule]
        guard !compiled.qualifiers.isEmpty else { return [:] }
        var values: [String: Set<String>] = [:]
        for (q, qualifier) in compiled.qualifiers.enumerated() {
            for cue in cues
            where cue.entries.contains(where: {
                let role = rules.cueRoles[Int($0)]
                return role.kind == .qualifier && role.index == rule && role.qualifier == q
            }) {
                for target in targets(
                    after: cue, in: terms, doc: doc, kinds: qualifier.targets, gap: qualifier.gap, list: true,
                    excluding: [])
                {
                    if let index = lexicon.entryIndex(of: target, kinds: qualifier.targets) {
                        values[qualifier.name, default: []].insert(lexicon.canonical(ofEntry: index))
                    }
                }
            }
        }
        return values
    }
}
