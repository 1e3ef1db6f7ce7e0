import RxFacts

/// One sense of a short form: "HTN" → "hypertension", from an inventory or a vocabulary.
package struct AbbreviationSense: Sendable, Hashable {
    package var short: String
    package var sense: String
    /// `imantsm`, `metainventory`, or the vocabulary (`hpo`, `mesh`, `doid`).
    package var source: String
    package var umls: String = ""
    /// Other names of the sense (a vocabulary concept's synonyms), to find its lexicon concept.
    package var alternatives: [String] = []
}

/// Reads the two clinical abbreviation inventories.
package struct AbbreviationInventoryReader: Sendable {
    package static let imantsmPath = "abbrev_imantsm_medical_abbreviations/medical_abbreviations.tsv"
    package static let metaInventoryPath = "abbrev_metainventory_clinical_sources/clinical_abbreviation_senses.tsv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [AbbreviationSense]
    {
        var senses: [AbbreviationSense] = []
        let imantsm = try DelimitedTable.read(path: vocab + "/" + Self.imantsmPath, dialect: .tsv)
        report.noteMalformed(imantsm)
        let short = try imantsm.column("abbreviation")
        let meaning = try imantsm.column("meaning")
        for row in imantsm.rows {
            senses.append(AbbreviationSense(short: row[short], sense: row[meaning], source: "imantsm"))
        }
        let meta = try DelimitedTable.read(path: vocab + "/" + Self.metaInventoryPath, dialect: .tsv)
        report.noteMalformed(meta)
        let abbreviation = try meta.column("abbreviation")
        let sense = try meta.column("sense")
        let cui = try meta.column("umls_cui")
        for row in meta.rows {
            senses.append(
                AbbreviationSense(short: row[abbreviation], sense: row[sense], source: "metainventory", umls: row[cui]))
        }
        return senses
    }
}

/// Builds `abbreviations.tsv` (kind `abbreviation`): short forms with their senses, for use where
/// a leaflet does not define its own ("long form (SHORT)" in the text wins).
///
/// One line per short form: canonical = the short form in lower case, variants = the forms as
/// the sources write them; attributes `expands=` (the senses, `|`-separated, concept names where
/// a sense is a lexicon concept), `target=kind:canonical|…` when every sense is one concept of
/// `conditions.tsv`, `symptoms.tsv`, `drugs.tsv` or `classes.tsv` (at most one per kind: "HTN"
/// → `condition:hypertension|effect:high blood pressure`, the rule's target kinds choose;
/// ambiguous short forms such as "PD" get none: the context must decide), `case=exact` when a source
/// writes it with capitals (the text must too: "AS" is no abbreviation in "as"), and
/// `vocab=` the sources. Short forms that are English words, numbers or longer than 10
/// characters are left out.
package enum AbbreviationTable {
    static let stopWords: Set<String> = [
        "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "oh",
        "on", "or", "ok", "so", "to", "up", "us", "we", "ad", "ax", "ex", "hi", "la", "ma", "pa", "yo", "id", "re",
        "all", "and", "any", "are", "but", "can", "did", "for", "had", "has", "her", "him", "his", "how", "its",
        "may", "not", "now", "off", "one", "our", "out", "per", "put", "say", "see", "she", "the", "too", "two",
        "use", "was", "way", "who", "why", "yes", "you", "age", "bed", "cat", "pet", "tab", "top", "con", "pro",
        "via", "vs", "etc", "dr", "mr", "mrs", "ms", "st", "mg", "ml", "kg", "mm", "cm", "hr", "hrs", "min", "sec",
    ]

    package static func build(
        inventories: [AbbreviationSense], concepts: [ClinicalConcept], targets: [LexiconEntry],
        report: inout LexiconBuildReport
    ) -> [LexiconEntry] {
        var targetByForm: [String: Set<String>] = [:]
        for entry in targets where ["condition", "effect", "drug", "class", "analyte"].contains(entry.kind) {
            for form in [entry.canonical] + entry.variants {
                targetByForm[TermFilter.matchKey(form), default: []].insert(entry.kind + ":" + entry.canonical)
            }
        }
        var senses = inventories
        for concept in concepts {
            for short in concept.abbreviations {
                senses.append(
                    AbbreviationSense(
                        short: short, sense: concept.name, source: concept.vocabulary, umls: concept.code("umls") ?? "",
                        alternatives: concept.synonyms))
            }
        }
        struct Group {
            var forms: [String] = []
            var senses: [String] = []
            var targets: Set<String> = []
            var untargeted = false
            var sources: Set<String> = []
            var umls: Set<String> = []
            var lowerCaseOnly = true
        }
        var groups: [String: Group] = [:]
        for sense in senses {
            let short = sense.short.trimmingCharacters(in: .whitespaces)
            let key = short.lowercased()
            let scalars = short.unicodeScalars
            guard scalars.count >= 2, scalars.count <= 10, scalars.contains(where: { $0.properties.isAlphabetic }),
                !scalars.contains(where: { $0 == "\t" || $0 == "|" || $0 == ";" || $0 == " " }),
                !stopWords.contains(key), !CommonWords.contains(key), !CommonWords.contains(TermFilter.matchKey(key))
            else {
                report.dropVariant("abbreviations: English word, number or not a short form")
                continue
            }
            let meaning = sense.sense.trimmingCharacters(in: .whitespaces).lowercased()
            guard !meaning.isEmpty, !meaning.contains("\t"), !meaning.contains("|"), !meaning.contains(";") else {
                continue
            }
            var group = groups[key] ?? Group()
            if !group.forms.contains(short) { group.forms.append(short) }
            if short != key { group.lowerCaseOnly = false }
            // The sense's concepts: at most one per kind (a term both disease and effect has both).
            var target: Set<String>? = nil
            for name in [meaning] + sense.alternatives {
                if let found = targetByForm[TermFilter.matchKey(name)] {
                    target = found
                    break
                }
            }
            let kinds = (target ?? []).map { $0.prefix { $0 != ":" } }
            if let target, !target.isEmpty, Set(kinds).count == kinds.count {
                group.targets.formUnion(target)
                let name = String(target.sorted()[0].drop { $0 != ":" }.dropFirst())
                if !group.senses.contains(name) { group.senses.append(name) }
            } else {
                group.untargeted = true
                if !group.senses.contains(meaning) { group.senses.append(meaning) }
            }
            group.sources.insert(sense.source)
            if !sense.umls.isEmpty { group.umls.insert(sense.umls) }
            groups[key] = group
        }
        var entries: [LexiconEntry] = []
        for key in groups.keys.sorted() {
            guard let group = groups[key] else { continue }
            // A form some source writes with capitals ("HTN") must be capitalised in the text too;
            // forms written only in lower case ("qhs", "prn") keep no case rule. (The clinical
            // note inventories lower-case everything, so their "htn" is no evidence against it.)
            let exact = !group.lowerCaseOnly
            var attributes: [String: [String]] = ["expands": group.senses.sorted(), "vocab": group.sources.sorted()]
            let kinds = group.targets.map { $0.prefix { $0 != ":" } }
            if !group.targets.isEmpty, !group.untargeted, Set(kinds).count == kinds.count {
                attributes["target"] = group.targets.sorted()
            }
            if exact { attributes["case"] = ["exact"] }
            let codes = group.umls.count == 1 ? group.umls.map { LexiconCode("umls", $0) } : []
            entries.append(
                LexiconEntry(
                    kind: "abbreviation", canonical: key, variants: group.forms.filter { $0 != key }, codes: codes,
                    attributes: attributes))
        }
        return entries
    }
}
