import RxFacts

/// Builds `symptoms.tsv`: signs, symptoms and adverse effects (kind `effect`) from HPO
/// (phenotypic abnormalities, with layperson and UK-spelling synonyms), MeSH 2024 C23
/// (pathological conditions, signs and symptoms), NCI CTCAE v5.0 and the Symptom Ontology, in
/// that order of precedence, merged into one entry per concept (`ConceptMerger`) with their
/// codes (`hp:`, `mesh:`, `symp:`, `umls:`) and `vocab=` naming the vocabularies each entry came
/// from. The hand-written effects (`effects.tsv`, `core.tsv`) are seeds: a vocabulary concept
/// that shares a form with one takes its canonical name.
package enum SymptomTable {
    /// The vocabularies, in order of precedence.
    package static let vocabularies = ["hpo", "mesh-c23", "ctcae", "symp"]

    /// Names too general to be an adverse effect.
    static let tooGeneral: Set<String> = [
        "disease", "syndrome", "symptom", "sign", "signs and symptoms", "phenotypic abnormality",
        "pathologic processes", "pathological conditions, signs and symptoms", "pathological conditions, anatomical",
        "disease attributes", "clinical course", "chronic disease", "acute disease", "recurrence",
        "disease progression",
        "death", "abnormality", "morphological abnormality", "physiological abnormality", "functional abnormality",
    ]

    package static func build(
        hpo: [ClinicalConcept], mesh: [ClinicalConcept], ctcae: [ClinicalConcept], symptoms: [ClinicalConcept],
        seeds: [LexiconEntry], vocabularies: Set<String>, filter: TermFilter, report: inout LexiconBuildReport
    ) -> [LexiconEntry] {
        var merger = ConceptMerger(kind: "effect", filter: filter, tooGeneral: tooGeneral, joiningSystems: ["umls"])
        merger.seed(seeds)
        let sources: [(String, [ClinicalConcept], String)] = [
            ("hpo", hpo, HPOReader.termsPath),
            ("mesh-c23", mesh.filter { $0.treeNumbers.contains { $0.hasPrefix("C23") } }, MeSHDiseaseReader.termsPath),
            ("ctcae", ctcae, CTCAEReader.relativePath),
            ("symp", symptoms, SymptomOntologyReader.relativePath),
        ]
        for (name, concepts, path) in sources where vocabularies.contains(name) {
            for var concept in concepts {
                let folded = TermFilter.fold(concept.name)
                if folded.hasPrefix("abnormality of")
                    || folded.hasPrefix("abnormal ") && folded.split(separator: " ").count > 3
                {
                    report.skip(path, nil, "\(name) \"\(concept.name)\": a category, not an effect")
                    continue
                }
                concept.name = concept.name.trimmingCharacters(in: .whitespaces)
                merger.add(concept, path: path, report: &report)
            }
        }
        return merger.finished(report: &report, label: "symptoms")
    }
}
