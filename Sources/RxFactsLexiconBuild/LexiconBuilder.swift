import Foundation
import RxFacts

/// Builds rxfacts' compiled lexicons from the vocabulary tables in a `vocab/` directory.
///
/// `build(vocab:)` reads only the files marked *ship* in the data manifest (one reader per file)
/// and returns the file name → contents of `drugs.tsv`, `brands.tsv`, `classes.tsv`,
/// `conditions.tsv`, `schedules.tsv` and `interactions.tsv`. Output is sorted and carries no
/// timestamps, so rebuilding from the same vocabularies gives byte-identical files.
/// `effects.tsv` and `SOURCES.md` are hand-written and not produced here.
package struct LexiconBuilder: Sendable {
    package var filter = TermFilter()
    /// The optional clinical vocabularies to use (`hpo`, `mesh-c23`, `ctcae`, `symp` for
    /// `symptoms.tsv`; `doid`, `mesh-c` for `conditions.tsv`); all by default. Leaving some out
    /// measures what each adds (`rxfacts lexicon build --only …`).
    package var clinicalVocabularies: Set<String> = Set(SymptomTable.vocabularies + ConditionTable.vocabularies)
    /// The folder of the hand-written lexicons (`effects.tsv`, `core.tsv`) whose effect names the
    /// generated `symptoms.tsv` adopts; nil builds without them.
    package var curatedDirectory: String? = nil

    package init() {}

    /// The generated files, in the order they are built.
    package static let outputFiles = [
        "drugs.tsv", "brands.tsv", "classes.tsv", "conditions.tsv", "symptoms.tsv", "schedules.tsv", "spellings.tsv",
        "abbreviations.tsv", "interactions.tsv",
    ]
    /// Hand-written lexicons whose `effect` and `dependence` names the build adopts.
    package static let curatedFiles = ["core.tsv", "effects.tsv"]

    /// Reads `vocab` and returns file name → file text, plus what was skipped.
    package func build(vocab: String) throws(LexiconBuildError) -> (files: [String: String], report: LexiconBuildReport)
    {
        var report = LexiconBuildReport()
        let ingredients = try RxNormIngredientReader().read(vocab: vocab, report: &report)
        let brandLinks = try RxNormBrandReader().read(vocab: vocab, report: &report)
        let drugbank = try DrugBankVocabularyReader().read(vocab: vocab, report: &report)
        let rxcuiUnii = try RxcuiUniiMapReader().read(vocab: vocab, report: &report)
        let dea = try DEAScheduleReader().read(vocab: vocab, report: &report)
        let deaActions = try DEASchedulingActionsReader().read(vocab: vocab, report: &report)
        let fdaClasses = try FDAPharmClassReader().read(vocab: vocab, report: &report)
        let splLinks = try FDASubstanceClassReader().read(vocab: vocab, report: &report)
        let drugCentral = try DrugCentralPharmClassReader().read(vocab: vocab, report: &report)
        let diseases = try DiseaseOntologyReader().read(vocab: vocab, report: &report)
        let doid = try DiseaseOntology2026Reader().read(vocab: vocab, older: diseases, report: &report)
        let mesh = try MeSHDiseaseReader().read(vocab: vocab, report: &report)
        let hpo = try HPOReader().read(vocab: vocab, report: &report)
        let ctcae = try CTCAEReader().read(vocab: vocab, report: &report)
        let symp = try SymptomOntologyReader().read(vocab: vocab, report: &report)
        var seeds: [LexiconEntry] = []
        if let curatedDirectory {
            for file in Self.curatedFiles {
                seeds += try LexiconFileParser().parse(path: curatedDirectory + "/" + file).filter {
                    $0.kind == "effect"
                }
            }
        }
        let icd10cm = try ICD10CMReader().read(vocab: vocab, report: &report)
        let interactionRows = try InteractionReader().read(vocab: vocab, report: &report)

        var drugs = DrugTable(filter: filter)
        // RxNorm ingredient names the 2014 brand table knows and the 2020 table lacks
        // ("Ethacrynic Acid", RxCUI 4109): they name or join drugs, never add one.
        var extraNames: [String: String] = [:]
        for link in brandLinks where extraNames[link.ingredientRxcui].map({ link.ingredient < $0 }) ?? true {
            extraNames[link.ingredientRxcui] = link.ingredient
        }
        let extraIngredients = extraNames.map { RxNormIngredient(rxcui: $0.key, name: $0.value, synonym: "", umls: "") }
        drugs.addIngredients(
            ingredients, drugbank: drugbank, rxcuiUnii: rxcuiUnii, extraIngredients: extraIngredients, report: &report)
        let deaBrands = drugs.applySchedules(dea, report: &report)
        drugs.applySchedulingActions(deaActions, report: &report)
        drugs.applyClasses(splLinks + drugCentral.links)
        try drugs.applyEverydaySubstances()
        let classes = try ClassTable.build(
            fda: fdaClasses, mesh: drugCentral.meshClasses, filter: filter, report: &report)
        var classKeys: Set<String> = []
        for entry in classes where entry.kind == "class" || entry.kind == "mechanism" {
            classKeys.insert(TermFilter.matchKey(entry.canonical))
            for variant in entry.variants { classKeys.insert(TermFilter.matchKey(variant)) }
        }
        drugs.dropClassNames(classKeys, report: &report)
        drugs.dropOutOfScope(report: &report)
        drugs.resolveAmbiguousVariants(report: &report)

        let brands = BrandTable.build(
            links: brandLinks, deaBrands: deaBrands, drugs: drugs, filter: filter, report: &report)
        let conditions = try ConditionTable.build(
            doid: doid, mesh: mesh, vocabularies: clinicalVocabularies, icd10cm: icd10cm, filter: filter,
            report: &report)
        let symptoms = SymptomTable.build(
            hpo: hpo, mesh: mesh, ctcae: ctcae, symptoms: symp, seeds: seeds, vocabularies: clinicalVocabularies,
            filter: filter, report: &report)
        let schedules = ScheduleTable.entries()
        let interactions = InteractionTable.build(rows: interactionRows, drugs: drugs, report: &report)

        var words = SpellingTable.words(of: drugs.entries + classes + conditions + symptoms + seeds)
        words.formUnion(SpellingTable.words(of: brands))
        let spellings = try SpellingTable.build(vocab: vocab, words: words, report: &report)

        let inventories = try AbbreviationInventoryReader().read(vocab: vocab, report: &report)
        let abbreviations = AbbreviationTable.build(
            inventories: inventories, concepts: doid + mesh + hpo,
            targets: conditions + symptoms + drugs.entries + classes,
            report: &report)

        var files: [String: String] = [:]
        files["abbreviations.tsv"] = Self.render(
            abbreviations,
            title:
                "abbreviations: clinical short forms and their senses (not loaded by default.yaml; see LEXICON-FORMAT.md) from imantsm/medical_abbreviations (MIT, Copyright (c) 2020 imantsm: licences/imantsm-medical_abbreviations-MIT.txt), the Medical Abbreviation Meta-Inventory sources (Grossman Liu et al. 2021, CC BY 4.0: Stetson et al. 2002, Columbia, Vanderbilt), and the acronyms of \(DiseaseOntology2026Reader.version), \(MeSHDiseaseReader.version) (courtesy of NLM) and the HPO (\(HPOReader.version))"
        )
        files["spellings.tsv"] = Self.render(
            spellings,
            title:
                "spellings: US/UK spelling rules for the words of the other lexicons, from \(SpellingTable.version), Copyright 2000-2019 Kevin Atkinson, Copyright 2016 Benjamin Titze, Copyright 1993 Geoff Kuenning: permission notices in licences/VarCon.txt"
        )
        files["drugs.tsv"] = Self.render(
            drugs.entries, title: "drugs: RxNorm ingredients + DrugBank open vocabulary, DEA schedules, FDA classes")
        files["brands.tsv"] = Self.render(
            brands, title: "brands: RxNorm brand names (2014) and DEA brand names → ingredient")
        files["classes.tsv"] = Self.render(
            classes, title: "classes: FDA EPC/MoA/PE/CS (NUI) and MeSH pharmacological actions, with friendly names")
        files["conditions.tsv"] = Self.render(
            conditions,
            title:
                "conditions: \(DiseaseOntology2026Reader.version) and \(MeSHDiseaseReader.version) C/F03 (not C23; courtesy of the U.S. National Library of Medicine) with ICD-10-CM, UMLS and MeSH codes, plus curated terms"
        )
        files["symptoms.tsv"] = Self.render(
            symptoms,
            title:
                "symptoms: signs, symptoms and adverse effects from the Human Phenotype Ontology (\(HPOReader.version), www.human-phenotype-ontology.org; terms unaltered but for letter case), \(MeSHDiseaseReader.version) C23 (courtesy of the U.S. National Library of Medicine; not the current MeSH), NCI \(CTCAEReader.version), \(SymptomOntologyReader.version)"
        )
        files["schedules.tsv"] = Self.render(schedules, title: "schedules: US DEA schedule surface forms → CI…CV")
        files["interactions.tsv"] = InteractionTable.render(interactions)
        // The build checks its own output with the same rules every loader applies.
        for (name, text) in files where name != "interactions.tsv" {
            _ = try LexiconFileParser().parse(text: text, path: name)
        }
        for (name, text) in files {
            report.lineCounts[name] = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.count
        }
        return (files, report)
    }

    /// Builds and writes the files into `out` (created if missing).
    package func write(vocab: String, out: String) throws(LexiconBuildError) -> LexiconBuildReport {
        let (files, report) = try build(vocab: vocab)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for name in files.keys.sorted() {
                try Data(files[name]!.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent(name))
            }
        } catch {
            throw LexiconBuildError(path: out, reason: "cannot write lexicon files: \(error)")
        }
        return report
    }

    /// Header plus entry lines sorted by bytes.
    static func render(_ entries: [LexiconEntry], title: String) -> String {
        let lines = entries.map(\.line).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var text =
            "# rxfacts-lexicon/1\n# \(title)\n# Generated by `rxfacts lexicon build`; do not edit by hand. Sources and licences: SOURCES.md\n"
        text += "# kind\tcanonical\tvariants\tcodes\tattributes\n"
        for line in lines { text += line + "\n" }
        return text
    }
}
