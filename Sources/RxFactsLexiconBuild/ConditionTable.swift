import RxFacts
/// Builds `conditions.tsv` from Disease Ontology 2026-07-31 (names and exact synonyms, the 2015
/// copy's synonyms where 2026 has none) and MeSH 2024 C and F03 descriptors outside C23 (those
/// are signs and symptoms, in `symptoms.tsv`), merged into one entry per concept (DO's MeSH
/// cross-references join the two), with DOID, ICD-10-CM, UMLS and MeSH codes, plus
/// `CuratedTerms.conditions`.
///
/// ICD-10-CM codes come from DO's ICD-10-CM cross-references when the code exists in
/// ICD-10-CM, otherwise from an exact title match ("Schizophrenia", "Epilepsy, unspecified",
/// "Panic disorder [episodic paroxysmal anxiety]") against the name or a synonym.
package enum ConditionTable {
    /// The vocabularies, in order of precedence.
    package static let vocabularies = ["doid", "mesh-c"]

    /// Terms too general to report as an indication.
    static let tooGeneral: Set<String> = [
        "disease", "syndrome", "disease of anatomical entity", "disease by infectious agent",
        "disease of cellular proliferation", "disease of mental health", "disease of metabolism",
        "genetic disease", "physical disorder", "medical disorder", "sign or symptom", "disorder",
        "diseases", "mental disorders", "chronic disease", "acute disease", "disease attributes",
        "pathologic processes", "neoplasms", "infections", "wounds and injuries", "congenital abnormalities",
    ]

    package static func build(
        doid: [ClinicalConcept], mesh: [ClinicalConcept], vocabularies: Set<String> = Set(ConditionTable.vocabularies),
        icd10cm: [String: String], filter: TermFilter, report: inout LexiconBuildReport
    ) throws(LexiconBuildError) -> [LexiconEntry] {
        var byTitle: [String: [String]] = [:]
        for (code, title) in icd10cm {
            for form in titleForms(title) { byTitle[form, default: []].append(code) }
        }
        func bestCode(_ codes: [String]) -> String? {
            codes.min { ($0.count, $0) < ($1.count, $1) }
        }
        var merger = ConceptMerger(
            kind: "condition", filter: filter, tooGeneral: tooGeneral, joiningSystems: ["mesh", "umls"])
        if vocabularies.contains("doid") {
            for concept in doid { merger.add(concept, path: DiseaseOntology2026Reader.termsPath, report: &report) }
        }
        if vocabularies.contains("mesh-c") {
            for concept in mesh where concept.treeNumbers.contains(where: { !$0.hasPrefix("C23") }) {
                merger.add(concept, path: MeSHDiseaseReader.termsPath, report: &report)
            }
        }
        var entries = merger.finished(report: &report, label: "conditions")
        // Numbered genetic subtypes ("achromatopsia 2", "alzheimer's disease 15") beside their
        // disease: no leaflet names them, and 2,300 of them cost start-up time.
        let names = Set(entries.map(\.canonical))
        entries.removeAll { entry in
            guard let space = entry.canonical.lastIndex(of: " ") else { return false }
            let suffix = entry.canonical[entry.canonical.index(after: space)...]
            guard let first = suffix.first, first.isASCII, first.isNumber,
                suffix.dropFirst().allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == suffix.last }),
                suffix.last.map({ $0.isASCII && ($0.isNumber || $0.isLetter) }) == true,
                names.contains(String(entry.canonical[..<space]))
            else { return false }
            report.skip(
                DiseaseOntology2026Reader.termsPath, nil,
                "\"\(entry.canonical)\": a numbered subtype of \"\(entry.canonical[..<space])\"")
            return true
        }
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            index[TermFilter.matchKey(entry.canonical)] = i
            // One ICD-10-CM code: the most general one DO gives that ICD-10-CM has, else a title match.
            let given = entry.codes.filter { $0.system == "icd10cm" }.map { ICD10CMReader.dotted($0.code) }.filter {
                icd10cm[$0] != nil
            }
            entries[i].codes.removeAll { $0.system == "icd10cm" }
            if let code = bestCode(given)
                ?? bestCode(([entry.canonical] + entry.variants).flatMap { byTitle[TermFilter.fold($0)] ?? [] })
            {
                entries[i].codes.append(LexiconCode("icd10cm", code))
            }
        }
        for curated in CuratedTerms.conditions {
            if !curated.icd10cm.isEmpty, icd10cm[curated.icd10cm] == nil {
                throw LexiconBuildError(
                    path: "Sources/RxFactsLexiconBuild/CuratedTerms.swift",
                    reason:
                        "condition \"\(curated.canonical)\": ICD-10-CM code \(curated.icd10cm) is not in the ICD-10-CM table"
                )
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
            entries.append(
                LexiconEntry(
                    kind: "condition", canonical: curated.canonical, variants: curated.variants, codes: codes,
                    attributes: ["source": ["curated"]]))
        }
        VariantResolver.resolve(&entries, report: &report, label: "conditions")
        return entries
    }

    /// Strips SNOMED-style semantic tags: "Grand mal epilepsy (disorder)" → "Grand mal epilepsy".
    static func cleaned(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespaces)
        for tag in [" (disorder)", " (finding)", " (disease)", " (morphologic abnormality)", " (situation)"]
        where text.hasSuffix(tag) {
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
