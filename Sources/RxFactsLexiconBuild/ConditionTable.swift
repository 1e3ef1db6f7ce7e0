import RxFacts
/// Builds `conditions.tsv` from Disease Ontology terms (exact synonyms only, filtered) with
/// DOID, ICD-10-CM, UMLS and MeSH codes, plus `CuratedTerms.conditions`.
///
/// ICD-10-CM codes come from DO's ICD10 cross-references when the code exists in ICD-10-CM,
/// otherwise from an exact title match ("Schizophrenia", "Epilepsy, unspecified",
/// "Panic disorder [episodic paroxysmal anxiety]") against the DO name or a synonym.
public enum ConditionTable {
    /// DO terms too general to report as an indication.
    static let tooGeneral: Set<String> = [
        "disease", "syndrome", "disease of anatomical entity", "disease by infectious agent",
        "disease of cellular proliferation", "disease of mental health", "disease of metabolism",
        "genetic disease", "physical disorder", "medical disorder", "sign or symptom",
    ]

    public static func build(
        diseases: [DiseaseTerm], icd10cm: [String: String], filter: TermFilter, report: inout LexiconBuildReport
    ) throws(LexiconBuildError) -> [LexiconEntry] {
        var byTitle: [String: [String]] = [:]
        for (code, title) in icd10cm {
            for form in titleForms(title) { byTitle[form, default: []].append(code) }
        }
        func bestCode(_ codes: [String]) -> String? {
            codes.min { ($0.count, $0) < ($1.count, $1) }
        }
        var entries: [LexiconEntry] = []
        var index: [String: Int] = [:]
        for term in diseases {
            let canonical = cleaned(term.name).lowercased()
            let key = TermFilter.matchKey(canonical)
            if tooGeneral.contains(canonical) {
                report.skip(DiseaseOntologyReader.namesPath, nil, "\(term.doid) \"\(canonical)\": too general")
                continue
            }
            if let reason = filter.canonicalRejection(canonical) {
                report.skip(DiseaseOntologyReader.namesPath, nil, "\(term.doid) \"\(canonical)\": \(reason)")
                continue
            }
            if index[key] != nil {
                report.skip(DiseaseOntologyReader.namesPath, nil, "\(term.doid) \"\(canonical)\" repeats a condition name")
                continue
            }
            var variants: [String] = []
            for synonym in term.synonyms {
                let variant = cleaned(synonym).lowercased()
                if let reason = filter.rejection(variant) {
                    report.dropVariant("conditions: \(reason)")
                    continue
                }
                if !variants.contains(variant) { variants.append(variant) }
            }
            var codes = [LexiconCode("doid", term.doid)]
            let xrefICD = (term.xrefs["ICD10"] ?? []).map(ICD10CMReader.dotted).filter { icd10cm[$0] != nil }
            if let code = bestCode(xrefICD) {
                codes.append(LexiconCode("icd10cm", code))
            } else if let code = bestCode(([canonical] + variants).flatMap { byTitle[TermFilter.fold($0)] ?? [] }) {
                codes.append(LexiconCode("icd10cm", code))
            }
            for cui in Set(term.xrefs["UMLS"] ?? []).sorted() { codes.append(LexiconCode("umls", cui)) }
            for mesh in Set(term.xrefs["MSH"] ?? []).sorted() { codes.append(LexiconCode("mesh", mesh)) }
            index[key] = entries.count
            entries.append(LexiconEntry(kind: "condition", canonical: canonical, variants: variants, codes: codes))
        }
        for curated in CuratedTerms.conditions {
            if !curated.icd10cm.isEmpty, icd10cm[curated.icd10cm] == nil {
                throw LexiconBuildError(path: "Sources/RxFacts/LexiconBuild/CuratedTerms.swift", reason: "condition \"\(curated.canonical)\": ICD-10-CM code \(curated.icd10cm) is not in the ICD-10-CM table")
            }
            let forms = [curated.canonical] + curated.variants
            if let i = forms.lazy.compactMap({ index[TermFilter.matchKey($0)] }).first {
                entries[i].variants += forms.filter { $0 != entries[i].canonical }
                if entries[i].code("icd10cm") == nil, !curated.icd10cm.isEmpty {
                    entries[i].codes.append(LexiconCode("icd10cm", curated.icd10cm))
                }
                continue
            }
            var codes: [LexiconCode] = []
            if !curated.icd10cm.isEmpty { codes.append(LexiconCode("icd10cm", curated.icd10cm)) }
            index[TermFilter.matchKey(curated.canonical)] = entries.count
            entries.append(LexiconEntry(kind: "condition", canonical: curated.canonical, variants: curated.variants, codes: codes, attributes: ["source": ["curated"]]))
        }
        VariantResolver.resolve(&entries, report: &report, label: "conditions")
        return entries
    }

    /// Strips SNOMED-style semantic tags: "Grand mal epilepsy (disorder)" → "Grand mal epilepsy".
    static func cleaned(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespaces)
        for tag in [" (disorder)", " (finding)", " (disease)", " (morphologic abnormality)", " (situation)"] where text.hasSuffix(tag) {
            text = String(text.dropLast(tag.count))
        }
        return text
    }

    /// Folded forms of an ICD-10-CM title that a disease name could equal.
    static func titleForms(_ title: String) -> [String] {
        var forms = [TermFilter.fold(title)]
        if let bracket = title.firstIndex(of: "[") {
            forms.append(TermFilter.fold(title[..<bracket].trimmingCharacters(in: .whitespaces)))
        }
        if title.hasSuffix(", unspecified") {
            forms.append(TermFilter.fold(String(title.dropLast(", unspecified".count))))
        }
        return forms
    }
}
