import RxFacts
/// Builds `classes.tsv`: FDA classes (EPC → `class`, MoA → `mechanism`, PE →
/// `physiologic-effect`, chemical structure → `class` with `type=CS`) with NUI codes, MeSH
/// pharmacological actions (`class`, `type=MeSH-PA`, MeSH codes), plural variants, and the
/// curated friendly names of `CuratedTerms`.
package enum ClassTable {
    package static func build(
        fda: [PharmClass], mesh: [PharmClass], filter: TermFilter, report: inout LexiconBuildReport
    ) throws(LexiconBuildError) -> [LexiconEntry] {
        var entries: [LexiconEntry] = []
        var classIndex: [String: Int] = [:]  // matchKey → index, for kind class/mechanism
        func add(_ entry: LexiconEntry) {
            classIndex[TermFilter.matchKey(entry.canonical)] = entries.count
            entries.append(entry)
        }
        let ordered = fda.sorted { ($0.code, $0.name) < ($1.code, $1.name) }
        for type in ["EPC", "CS", "MoA", "PE"] {
            for pharmClass in ordered where pharmClass.type == type {
                let canonical = pharmClass.name.lowercased()
                let key = TermFilter.matchKey(canonical)
                if type == "PE" {
                    entries.append(
                        LexiconEntry(
                            kind: "physiologic-effect", canonical: canonical,
                            codes: [LexiconCode("nui", pharmClass.code)],
                            attributes: ["type": ["PE"]]))
                    continue
                }
                if let existing = classIndex[key] {
                    let attribute = type == "CS" ? "cs-nui" : "moa-nui"
                    entries[existing].attributes[attribute, default: []].append(pharmClass.code)
                    continue
                }
                var variants: [String] = []
                if let plural = pluralOf(canonical) { variants.append(plural) }
                add(
                    LexiconEntry(
                        kind: type == "MoA" ? "mechanism" : "class", canonical: canonical, variants: variants,
                        codes: [LexiconCode("nui", pharmClass.code)], attributes: ["type": [type]]))
            }
        }
        for pharmClass in mesh {
            let canonical = uninverted(pharmClass.name).lowercased()
            let key = TermFilter.matchKey(canonical)
            if let existing = classIndex[key] {
                entries[existing].codes.append(LexiconCode("mesh", pharmClass.code))
                continue
            }
            if let reason = filter.canonicalRejection(canonical) {
                report.skip(DrugCentralPharmClassReader.relativePath, nil, "MeSH class \"\(canonical)\": \(reason)")
                continue
            }
            add(
                LexiconEntry(
                    kind: "class", canonical: canonical, codes: [LexiconCode("mesh", pharmClass.code)],
                    attributes: ["type": ["MeSH-PA"]]))
        }
        for (target, variants) in CuratedTerms.classVariants {
            guard
                let i = entries.firstIndex(where: {
                    ($0.kind == "class" || $0.kind == "mechanism") && $0.canonical == target
                })
            else {
                throw LexiconBuildError(
                    path: "Sources/RxFactsLexiconBuild/CuratedTerms.swift",
                    reason: "friendly class target \"\(target)\" is not a class built from the vocabularies")
            }
            entries[i].variants += variants
        }
        for group in CuratedTerms.classGroups {
            for member in group.includes where classIndex[TermFilter.matchKey(member)] == nil {
                throw LexiconBuildError(
                    path: "Sources/RxFactsLexiconBuild/CuratedTerms.swift",
                    reason: "class group \"\(group.canonical)\" includes unknown class \"\(member)\"")
            }
            if classIndex[TermFilter.matchKey(group.canonical)] != nil {
                throw LexiconBuildError(
                    path: "Sources/RxFactsLexiconBuild/CuratedTerms.swift",
                    reason: "class group \"\(group.canonical)\" repeats a class name")
            }
            add(
                LexiconEntry(
                    kind: "class", canonical: group.canonical, variants: group.variants,
                    attributes: ["type": ["group"], "includes": group.includes]))
        }
        VariantResolver.resolve(&entries, report: &report, label: "classes")
        return entries
    }

    /// "Muscle Relaxants, Central" → "Central Muscle Relaxants" (MeSH inverted headings).
    static func uninverted(_ name: String) -> String {
        let parts = name.components(separatedBy: ", ")
        guard parts.count == 2 else { return name }
        return parts[1] + " " + parts[0]
    }

    /// "benzodiazepine" → "benzodiazepines"; nil when the name already looks plural or ends in a symbol.
    static func pluralOf(_ name: String) -> String? {
        guard let last = name.last, last.isLetter else { return nil }
        if name.hasSuffix("s") { return nil }
        if name.hasSuffix("y"), let before = name.dropLast().last, !"aeiou".contains(before) {
            return String(name.dropLast()) + "ies"
        }
        if name.hasSuffix("x") || name.hasSuffix("ch") || name.hasSuffix("sh") { return name + "es" }
        return name + "s"
    }
}
