/// Stage 7: applies the fact rules to the tagged, contextualized sentences and gathers
/// the facts per drug, merging repeated statements into one fact with several pieces
/// of evidence.
public struct FactAssembler: Sendable {
    public let knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
    }

    /// A fact being built: its evidence and whether each piece was hedged.
    struct Draft {
        var fact: Fact
        var evidence: [(evidence: Evidence, hedged: Bool, rule: String)] = []
        var qualifiers: [String: Set<String>] = [:]
        /// (start, end) of the evidence already taken, so repeats are skipped in O(1).
        var spans: Set<Int> = []

        init(fact: Fact) { self.fact = fact }

        /// False when this source span is already evidence of the fact.
        mutating func claim(_ span: Range<Int>) -> Bool {
            spans.insert(span.lowerBound &* 1_000_003 &+ span.upperBound).inserted
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

    /// A target found for a rule in a sentence, and the cue (or the target itself) it hangs on.
    struct Finding {
        var rule: Int
        var target: Mention
        var anchor: Range<Int>
    }

    public func process(_ doc: inout AnalyzedDocument) {
        var drafts = Drafts()
        var cuesBySentence: [[Mention]] = Array(repeating: [], count: doc.sentences.count)
        for cue in doc.cues { cuesBySentence[cue.sentence].append(cue) }
        var termsBySentence: [[Mention]] = Array(repeating: [], count: doc.sentences.count)
        for term in doc.terms { termsBySentence[term.sentence].append(term) }
        let subjectNames = Set(doc.subjects.map(\.name))
        // Which sections each rule applies to, decided once per section: a section or any
        // section enclosing it ("serious infections" inside "warnings and cautions").
        let sectionPaths = FactAssembler.sectionPaths(doc)
        let applies: [[Bool]] = knowledge.rules.map { rule in
            sectionPaths.map { names in
                (rule.sections.isEmpty || names.contains { name in rule.sections.contains { name.containsBytes($0) } })
                    && !names.contains { name in rule.excludedSections.contains { name.containsBytes($0) } }
            }
        }
        // Section qualifiers (severity in a boxed warning…) each section's facts get.
        let qualifiersBySection: [[Int]] = sectionPaths.map { names in
            knowledge.sectionQualifiers.indices.filter { q in
                let wanted = knowledge.sectionQualifiers[q].sections
                return names.contains { name in wanted.contains { name.containsBytes($0) } }
            }
        }
        let cuelessRules = knowledge.rules.indices.filter { !knowledge.rules[$0].hasCues }
        let hasOtherDrugSectionRule = cuelessRules.contains { knowledge.rules[$0].excludeSubject }
        var findings: [Finding] = []

        for (s, sentence) in doc.sentences.enumerated() where !termsBySentence[s].isEmpty {
            let context = doc.context[s]
            // A sentence about another drug states nothing about this one, except to section
            // rules whose targets are other drugs (an interactions section's list).
            let aboutOtherDrug = context.isAboutOtherDrug
            if aboutOtherDrug, !hasOtherDrugSectionRule { continue }
            let cues = cuesBySentence[s]
            let terms = termsBySentence[s]
            findings.removeAll(keepingCapacity: true)
            func requirementMet(_ ruleIndex: Int) -> Bool {
                !knowledge.rules[ruleIndex].hasRequirements || cues.contains { knowledge.isRequirement($0, of: ruleIndex) }
            }
            // Rules with cues: each cue of the sentence, in order, for the rules it belongs to.
            for cue in cues where !aboutOtherDrug {
                for payload in cue.entries where knowledge.cueIsTrigger[Int(payload)] {
                    let ruleIndex = Int(knowledge.cueRule[Int(payload)])
                    let rule = knowledge.rules[ruleIndex]
                    guard applies[ruleIndex][sentence.section], requirementMet(ruleIndex) else { continue }
                    switch rule.subject {
                    case .beforeCue: if !context.documentDrugNamed(before: cue.range.lowerBound) { continue }
                    case .explicit: if !context.namesDocumentDrug { continue }
                    case .any: break
                    }
                    for target in targets(after: cue, in: terms, doc: doc, kinds: rule.targetKindIDs, gap: rule.gap, list: rule.list, excluding: rule.excludeSubject ? subjectNames : []) {
                        findings.append(Finding(rule: ruleIndex, target: target, anchor: cue.range))
                    }
                }
            }
            // Rules without cues: every target term of the sentence.
            for ruleIndex in cuelessRules where applies[ruleIndex][sentence.section] && requirementMet(ruleIndex) {
                let rule = knowledge.rules[ruleIndex]
                if aboutOtherDrug, !rule.excludeSubject { continue }
                if rule.subject != .any, !context.namesDocumentDrug { continue }
                for term in terms where knowledge.entryIndex(of: term, kinds: rule.targetKindIDs) != nil {
                    if rule.excludeSubject, knowledge.drugNames(of: term).contains(where: subjectNames.contains) { continue }
                    findings.append(Finding(rule: ruleIndex, target: term, anchor: term.range))
                }
            }
            guard !findings.isEmpty else { continue }
            findings.sort { $0.rule < $1.rule }
            let sectionName = doc.sections[sentence.section].name
            var placeQualifiers = qualifiersBySection[sentence.section]
            if !knowledge.sectionQualifiers.isEmpty {
                for cue in cues {
                    for payload in cue.entries where knowledge.cueSentenceQualifier[Int(payload)] >= 0 {
                        let q = Int(knowledge.cueSentenceQualifier[Int(payload)])
                        if !placeQualifiers.contains(q) { placeQualifiers.append(q) }
                    }
                }
            }
            var qualifiersByRule: [Int: [String: Set<String>]] = [:]
            var seenTargets = Set<Int>()
            for finding in findings {
                let rule = knowledge.rules[finding.rule]
                let target = finding.target
                guard seenTargets.insert(finding.rule &* 1_000_003 &+ target.range.lowerBound).inserted,
                    let entryIndex = knowledge.entryIndex(of: target, kinds: rule.targetKindIDs)
                else { continue }
                if rule.skipExisting, SentenceContext.contains(context.existing, target.range.lowerBound) { continue }
                // Read the two fields needed, not a copy of the whole entry.
                let canonical = knowledge.lexicon.entries[entryIndex].canonical
                let negated = rule.negatable && SentenceContext.contains(context.negated, target.range.lowerBound)
                let hedged = SentenceContext.contains(context.hedged, target.range.lowerBound)
                    || (rule.conditionalHedges && SentenceContext.contains(context.conditional, target.range.lowerBound))
                let value = rule.fact == .schedule ? canonical.uppercased() : canonical
                let key = FactKey(type: rule.fact, value: value, negated: negated)
                let span = min(finding.anchor.lowerBound, target.range.lowerBound)..<max(finding.anchor.upperBound, target.range.upperBound)
                let source = doc.sourceRange(span)
                let d = drafts.index(of: key) {
                    Fact(type: rule.fact, value: value, negated: negated, hedged: hedged, code: knowledge.lexicon.entries[entryIndex].codes.first, evidence: [], rule: rule.id)
                }
                // Mutate in place: no copy of the evidence gathered so far.
                guard drafts.list[d].claim(source) else { continue }
                let evidence = Evidence(section: sectionName, start: source.lowerBound, end: source.upperBound, text: String(decoding: doc.ingested.source[source], as: UTF8.self))
                drafts.list[d].evidence.append((evidence, hedged, rule.id))
                for q in placeQualifiers where knowledge.sectionQualifiers[q].applies(to: rule.fact) {
                    drafts.list[d].qualifiers[knowledge.sectionQualifiers[q].name, default: []].insert(knowledge.sectionQualifiers[q].value)
                }
                if !rule.qualifiers.isEmpty {
                    if qualifiersByRule[finding.rule] == nil {
                        qualifiersByRule[finding.rule] = qualifierValues(rule: finding.rule, sentence: s, cues: cues, terms: terms, doc: doc)
                    }
                    for (name, values) in qualifiersByRule[finding.rule]! { drafts.list[d].qualifiers[name, default: []].formUnion(values) }
                }
            }
        }
        addMetadataFacts(&doc, into: &drafts)

        var facts: [Fact] = drafts.list.map { draft in
            var fact = draft.fact
            let ordered = draft.evidence.sorted { ($0.evidence.start, $0.evidence.end) < ($1.evidence.start, $1.evidence.end) }
            fact.evidence = ordered.map(\.evidence)
            fact.hedged = ordered.allSatisfy(\.hedged)
            fact.rule = ordered.first?.rule ?? fact.rule
            fact.qualifiers = draft.qualifiers.isEmpty ? nil : draft.qualifiers.mapValues { $0.sorted() }
            return fact
        }
        facts = facts.map { ($0.key, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        doc.drugs = doc.subjects.map { subject in
            DrugRecord(name: subject.name, brands: subject.brands, codes: subject.codes, facts: facts)
        }.sorted { $0.name < $1.name }
    }

    /// Per section: its own name, then the names of the declared sections enclosing it (SPL and
    /// ePI subsections lie inside their parent's range). Plain text has no nesting.
    static func sectionPaths(_ doc: AnalyzedDocument) -> [[String]] {
        doc.sections.map { section in
            var names = [section.name]
            let start = section.body.lowerBound
            for declared in doc.declaredSections
            where declared.range.lowerBound <= start && start < declared.range.upperBound && !names.contains(declared.name) {
                names.append(declared.name)
            }
            return names
        }
    }

    /// Target mentions after `cue`: the first within `gap` tokens, then (when `list`) those
    /// coordinated with it ("anxiety, seizures, and muscle spasms").
    func targets(after cue: Mention, in terms: [Mention], doc: AnalyzedDocument, kinds: [UInt16], gap: Int, list: Bool, excluding excluded: Set<String>) -> [Mention] {
        var result: [Mention] = []
        var previousEnd = cue.tokens.upperBound
        for term in terms where term.tokens.lowerBound >= cue.tokens.upperBound {
            if term.tokens.lowerBound < previousEnd { continue }
            let isTarget = knowledge.entryIndex(of: term, kinds: kinds) != nil
            if isTarget, !excluded.isEmpty, knowledge.drugNames(of: term).contains(where: excluded.contains) { continue }
            let between = previousEnd..<term.tokens.lowerBound
            var count = 0
            var separator = false
            var stop = false
            for t in between where !PhraseAutomaton.isSkipped(doc.tokens[t], doc.normalized) {
                count += 1
                if doc.tokenRoles[t] & 1 != 0 { separator = true }
                if doc.tokenRoles[t] & 2 != 0 { stop = true }
            }
            if result.isEmpty {
                if stop || count > gap { break }
                if !isTarget { continue }
            } else {
                if stop || count > 7 || !separator { break }
                if !isTarget { continue }
            }
            result.append(term)
            previousEnd = term.tokens.upperBound
            if !list { break }
        }
        return result
    }

    /// Values of the rule's qualifiers found in sentence `s` (e.g. risks after "leading to").
    func qualifierValues(rule: Int, sentence s: Int, cues: [Mention], terms: [Mention], doc: AnalyzedDocument) -> [String: Set<String>] {
        let compiled = knowledge.rules[rule]
        guard !compiled.qualifiers.isEmpty else { return [:] }
        var values: [String: Set<String>] = [:]
        for qualifier in compiled.qualifiers {
            for cue in cues where cue.entries.contains(where: { knowledge.cueRule[Int($0)] == rule && knowledge.cueRoles[Int($0)] == .qualifier(rule: rule, name: qualifier.name) }) {
                for target in targets(after: cue, in: terms, doc: doc, kinds: qualifier.targets, gap: qualifier.gap, list: true, excluding: []) {
                    if let index = knowledge.entryIndex(of: target, kinds: qualifier.targets) {
                        values[qualifier.name, default: []].insert(knowledge.lexicon.entries[index].canonical)
                    }
                }
            }
        }
        return values
    }

    /// Facts a structured label states in its metadata (the DEA schedule of a product; the
    /// EPC class and mechanism of action of an FDA class-indexing SPL, with their NUI codes).
    func addMetadataFacts(_ doc: inout AnalyzedDocument, into drafts: inout Drafts) {
        for entry in doc.ingested.classIndex {
            let type: FactType
            switch entry.classType {
            case "EPC": type = .drugClass
            case "MoA": type = .mechanism
            default: continue
            }
            let source = entry.provenance
            let text = String(decoding: doc.ingested.source[source.range], as: UTF8.self)
            let evidence = Evidence(section: "spl-metadata", start: source.range.lowerBound, end: source.range.upperBound, text: text, path: source.path)
            let key = FactKey(type: type, value: entry.className.lowercased(), negated: false)
            let d = drafts.index(of: key) {
                Fact(type: type, value: key.value, code: "nui:" + entry.nui, evidence: [], rule: "spl.class-index", source: "spl-metadata")
            }
            drafts.list[d].add(evidence, hedged: false, rule: "spl.class-index")
        }
        for product in doc.ingested.products {
            guard let schedule = product.schedule else { continue }
            let text = String(decoding: doc.ingested.source[schedule.range], as: UTF8.self)
            let evidence = Evidence(section: "spl-metadata", start: schedule.range.lowerBound, end: schedule.range.upperBound, text: text, path: schedule.path)
            let key = FactKey(type: .schedule, value: schedule.value, negated: false)
            let d = drafts.index(of: key) {
                Fact(type: .schedule, value: schedule.value, evidence: [], rule: "spl.dea-schedule", source: "spl-metadata")
            }
            drafts.list[d].add(evidence, hedged: false, rule: "spl.dea-schedule")
        }
    }
}
