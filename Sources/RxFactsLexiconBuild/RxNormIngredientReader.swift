import RxFacts
/// Reads `rxnorm_derived/rxnav2020_ingredients_from_ndc_map.tsv` (IN rows only; the ATC columns
/// are WHO-licensed and are never read).
package struct RxNormIngredientReader: Sendable {
    package static let relativePath = "rxnorm_derived/rxnav2020_ingredients_from_ndc_map.tsv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [RxNormIngredient] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let rxcui = try table.column("in_rxcui")
        let tty = try table.column("in_tty")
        let name = try table.column("in_name")
        let synonym = try table.column("in_synonym")
        let umls = try table.column("in_umlscui")
        var result: [RxNormIngredient] = []
        for row in table.rows {
            // MIN rows are multi-ingredient combinations ("acetaminophen / oxycodone"): not one drug.
            guard row[tty] == "IN" else { continue }
            result.append(RxNormIngredient(rxcui: row[rxcui], name: row[name], synonym: row[synonym], umls: row[umls]))
        }
        return result
    }
}
