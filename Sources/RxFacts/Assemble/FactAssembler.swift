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
        var evidence: [(evidence: Evidence, hedged: Bool, rule: String)]
        var qualifiers: [String: Set<String>]
        /// (start, end) of the evidence already taken, so repeats are skipped in O(1).
        var spans: Set<Int> = []

        mutating func add(_ evidence: Evidence, hedged: Bool, rule: String) {
            if spans.insert(evidence.start &* 1_000_003 &+ evidence.end).inserted {
                self.evidence.append((evidence, hedged, rule))
            }
        }
    }

    public func process(_ doc: inout AnalyzedDocument) {
        var drafts: [FactKey: Draft] = [:]
        var cuesBySentence: [[Mention]] = Array(repeating: [], count: doc.sentences.count)
        for cue in doc.cues { cuesBySentence[cue.sentence].append(cue) }
        var termsBySentence: [[Mention]] = Array(repeating: [], count: doc.sentences.count)
        for term in doc.terms { termsBySentence[term.sentence].append(term) }
        let subjectNames = Set(doc.subjects.map(\.name))

        for (ruleIndex, rule) in knowledge.rules.enumerated() {
            // Which sections the rule applies to, decided once per section.
            let applies: [Bool] = doc.sections.map { section in
                rule.sections.isEmpty || rule.sections.contains { section.name.contains($0) }
            }
            for (s, sentence) in doc.sentences.enumerated() where !termsBySentence[s].isEmpty && applies[sentence.section] {
                let context = doc.context[s]
                if context.isAboutOtherDrug { continue }
                let sectionName = doc.sections[sentence.section].name
                let cues = cuesBySentence[s]
                if rule.hasCues, !cues.contains(where: { knowledge.isCue($0, of: ruleIndex) }) { continue }
                if rule.hasRequirements, !cues.contains(where: { knowledge.isRequirement($0, of: ruleIndex) }) {
                    continue
                }
                var found: [(target: Mention, anchor: Range<Int>)] = []
                if rule.hasCues {
                    for cue in cues where knowledge.isCue(cue, of: ruleIndex) {
                        switch rule.subject {
                        case .beforeCue: if !context.documentDrugNamed(before: cue.range.lowerBound) { continue }
                        case .explicit: if !context.namesDocumentDrug { continue }
                        case .any: break
                        }
                        for target in targets(after: cue, in: termsBySentence[s], doc: doc, kinds: rule.targetKindIDs, gap: rule.gap, list: rule.list, excluding: rule.excludeSubject ? subjectNames : []) {
                            found.append((target, cue.range))
                        }
                    }
                } else {
                    if rule.subject != .any, !context.namesDocumentDrug { continue }
                    for term in termsBySentence[s] where knowledge.entryIndex(of: term, kinds: rule.targetKindIDs) != nil {
                        if rule.excludeSubject, knowledge.drugNames(of: term).contains(where: subjectNames.contains) { continue }
                        found.append((term, term.range))
                    }
                }
                guard !found.isEmpty else { continue }
                let qualifiers = qualifierValues(rule: ruleIndex, sentence: s, cues: cues, terms: termsBySentence[s], doc: doc)
                var seenTargets = Set<Int>()
                for (target, anchor) in found where seenTargets.insert(target.range.lowerBound).inserted {
                    guard let entryIndex = knowledge.entryIndex(of: target, kinds: rule.targetKindIDs) else { continue }
                    let entry = knowledge.lexicon.entries[entryIndex]
                    let negated = rule.negatable && SentenceContext.contains(context.negated, target.range.lowerBound)
                    let hedged = SentenceContext.contains(context.hedged, target.range.lowerBound)
                        || SentenceContext.contains(context.conditional, target.range.lowerBound)
                    let span = min(anchor.lowerBound, target.range.lowerBound)..<max(anchor.upperBound, target.range.upperBound)
                    let evidence = doc.evidence(for: span, section: sectionName)
                    let value = rule.fact == .schedule ? entry.canonical.uppercased() : entry.canonical
                    let key = FactKey(type: rule.fact, value: value, negated: negated)
                    var draft = drafts[key] ?? Draft(
                        fact: Fact(type: rule.fact, value: value, negated: negated, hedged: hedged, code: entry.codes.first, evidence: [], rule: rule.id),
                        evidence: [], qualifiers: [:])
                    draft.add(evidence, hedged: hedged, rule: rule.id)
                    for (name, values) in qualifiers { draft.qualifiers[name, default: []].formUnion(values) }
                    drafts[key] = draft
                }
            }
        }
        addMetadataFacts(&doc, into: &drafts)

        var facts: [Fact] = drafts.values.map { draft in
            var fact = draft.fact
            let ordered = draft.evidence.sorted { ($0.evidence.start, $0.evidence.end) < ($1.evidence.start, $1.evidence.end) }
            fact.evidence = ordered.map(\.evidence)
            fact.hedged = ordered.allSatisfy(\.hedged)
            fact.rule = ordered.first?.rule ?? fact.rule
            fact.qualifiers = draft.qualifiers.isEmpty ? nil : draft.qualifiers.mapValues { $0.sorted() }
            return fact
        }
        facts.sort { $0.key < $1.key }
        doc.drugs = doc.subjects.map { subject in
            DrugRecord(name: subject.name, brands: subject.brands, codes: subject.codes, facts: facts)
        }.sorted { $0.name < $1.name }
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
    func addMetadataFacts(_ doc: inout AnalyzedDocument, into drafts: inout [FactKey: Draft]) {
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
            var draft = drafts[key] ?? Draft(
                fact: Fact(type: type, value: key.value, code: "nui:" + entry.nui, evidence: [], rule: "spl.class-index", source: "spl-metadata"),
                evidence: [], qualifiers: [:])
            if !draft.evidence.contains(where: { $0.evidence == evidence }) {
                draft.evidence.append((evidence, false, "spl.class-index"))
            }
            drafts[key] = draft
        }
        for product in doc.ingested.products {
            guard let schedule = product.schedule else { continue }
            let text = String(decoding: doc.ingested.source[schedule.range], as: UTF8.self)
            let evidence = Evidence(section: "spl-metadata", start: schedule.range.lowerBound, end: schedule.range.upperBound, text: text, path: schedule.path)
            let key = FactKey(type: .schedule, value: schedule.value, negated: false)
            var draft = drafts[key] ?? Draft(
                fact: Fact(type: .schedule, value: schedule.value, evidence: [], rule: "spl.dea-schedule", source: "spl-metadata"),
                evidence: [], qualifiers: [:])
            draft.add(evidence, hedged: false, rule: "spl.dea-schedule")
            drafts[key] = draft
        }
    }
}
