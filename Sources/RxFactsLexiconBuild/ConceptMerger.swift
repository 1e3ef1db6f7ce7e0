import RxFacts

/// Merges concepts of several vocabularies into lexicon entries of one kind, one entry per
/// concept: a concept joins an entry that already has its name (or, from another vocabulary, any
/// of its forms, or a shared code such as a MeSH or UMLS id), so synonyms of one concept share
/// one canonical name; otherwise it becomes an entry of its own. Hand-written entries given as
/// `seeds` come first and keep their canonical names ("shortness of breath", not HPO's
/// "dyspnea"), so the generated file and the hand-written one report the same value.
struct ConceptMerger {
    let kind: String
    let filter: TermFilter
    /// Lower-case names too general to be a fact ("disease", "pain" alone is kept by seeds).
    let tooGeneral: Set<String>
    /// Code systems whose shared values join concepts of different vocabularies.
    let joiningSystems: Set<String>
    private(set) var entries: [LexiconEntry] = []
    private var vocabularies: [Set<String>] = []
    private var owner: [String: Int] = [:]
    private var byCode: [String: Int] = [:]
    private var seeded: Set<Int> = []

    init(kind: String, filter: TermFilter, tooGeneral: Set<String>, joiningSystems: Set<String>) {
        self.kind = kind
        self.filter = filter
        self.tooGeneral = tooGeneral
        self.joiningSystems = joiningSystems
    }

    /// Hand-written entries of this kind (not written out unless a vocabulary concept joins them).
    mutating func seed(_ seeds: [LexiconEntry]) {
        for entry in seeds where entry.kind == kind {
            let key = TermFilter.matchKey(entry.canonical)
            if let i = owner[key] {
                // A second hand-written line with the same name: its forms are the same concept.
                for variant in entry.variants where owner[TermFilter.matchKey(variant)] == nil {
                    entries[i].variants.append(variant)
                    owner[TermFilter.matchKey(variant)] = i
                }
                continue
            }
            let i = entries.count
            seeded.insert(i)
            entries.append(
                LexiconEntry(kind: kind, canonical: entry.canonical, variants: entry.variants, codes: entry.codes))
            vocabularies.append(["curated"])
            for form in [entry.canonical] + entry.variants where owner[TermFilter.matchKey(form)] == nil {
                owner[TermFilter.matchKey(form)] = i
            }
        }
    }

    mutating func add(_ concept: ClinicalConcept, path: String, report: inout LexiconBuildReport) {
        var canonical = ConditionTable.cleaned(concept.name).lowercased()
        // MeSH names are inverted ("arthritis, reactive"); an entry term says it as text does.
        if canonical.contains(","), let plain = concept.synonyms.first(where: { !$0.contains(",") && !$0.isEmpty }) {
            canonical = ConditionTable.cleaned(plain).lowercased()
        }
        if tooGeneral.contains(canonical) {
            report.skip(path, nil, "\(concept.vocabulary) \"\(canonical)\": too general")
            return
        }
        if let reason = filter.canonicalRejection(canonical) {
            report.skip(path, nil, "\(concept.vocabulary) \"\(canonical)\": \(reason)")
            return
        }
        if TermFilter.fold(canonical).split(separator: " ").count > filter.maximumWords + 1 {
            report.skip(path, nil, "\(concept.vocabulary) \"\(canonical)\": more than \(filter.maximumWords + 1) words")
            return
        }
        var forms = [canonical]
        for synonym in concept.synonyms {
            let form = ConditionTable.cleaned(synonym).lowercased()
            if form.isEmpty || forms.contains(form) { continue }
            if let reason = filter.rejection(form) {
                report.dropVariant("\(kind) (\(concept.vocabulary)): \(reason)")
                continue
            }
            forms.append(form)
        }
        let keys = forms.map(TermFilter.matchKey)
        var target: Int? = owner[keys[0]]
        // A hand-written entry that lists the name decides: same concept.
        if let t = target, !seeded.contains(t), vocabularies[t].contains(concept.vocabulary),
            TermFilter.matchKey(entries[t].canonical) != keys[0]
        {
            target = nil  // the name is only another concept's synonym in the same vocabulary
        }
        if target == nil {
            for key in keys.dropFirst() {
                if let o = owner[key], !vocabularies[o].contains(concept.vocabulary) {
                    target = o
                    break
                }
            }
        }
        if target == nil {
            for code in concept.codes where joiningSystems.contains(code.system) {
                if let o = byCode[code.description], !vocabularies[o].contains(concept.vocabulary) {
                    target = o
                    break
                }
            }
        }
        let i: Int
        if let t = target {
            i = t
        } else {
            i = entries.count
            entries.append(LexiconEntry(kind: kind, canonical: canonical))
            vocabularies.append([])
        }
        vocabularies[i].insert(concept.vocabulary)
        for code in concept.codes where !entries[i].codes.contains(code) {
            entries[i].codes.append(code)
            if joiningSystems.contains(code.system), byCode[code.description] == nil { byCode[code.description] = i }
        }
        for (form, key) in zip(forms, keys) {
            if let o = owner[key] {
                if o != i { report.dropVariant("\(kind) (\(concept.vocabulary)): form of another concept") }
                continue
            }
            owner[key] = i
            if form != entries[i].canonical { entries[i].variants.append(form) }
        }
    }

    /// True when `form` is "A and B" / "A or B" and both A and B name concepts.
    func isCoordination(_ form: String) -> Bool {
        for conjunction in [" and ", " or ", " and/or "] {
            guard let range = form.range(of: conjunction) else { continue }
            let a = TermFilter.matchKey(String(form[..<range.lowerBound]))
            let b = TermFilter.matchKey(String(form[range.upperBound...]))
            if owner[a] != nil, owner[b] != nil { return true }
        }
        return false
    }

    /// The entries vocabularies contributed to, each with `vocab=` naming them.
    func finished(report: inout LexiconBuildReport, label: String) -> [LexiconEntry] {
        var result: [LexiconEntry] = []
        for (i, entry) in entries.enumerated() where vocabularies[i] != ["curated"] {
            var entry = entry
            // "Nausea and vomiting" is two effects when both are concepts: the text's
            // coordination gives two facts, a combined concept would hide both.
            if isCoordination(entry.canonical) {
                report.dropVariant("\(label): coordination of two concepts")
                continue
            }
            entry.variants.removeAll { isCoordination($0) }
            entry.attributes["vocab"] = vocabularies[i].subtracting(["curated"]).sorted()
            result.append(entry)
        }
        VariantResolver.resolve(&result, report: &report, label: label)
        return result
    }
}
