import RxFacts
/// Reads `rxnorm_derived/rxnorm2014_brand_to_ingredient_derived.tsv`.
package struct RxNormBrandReader: Sendable {
    package static let relativePath = "rxnorm_derived/rxnorm2014_brand_to_ingredient_derived.tsv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [RxNormBrandLink] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let bnRxcui = try table.column("bn_rxcui")
        let bn = try table.column("bn_name")
        let inRxcui = try table.column("ingredient_rxcui")
        let inName = try table.column("ingredient_name")
        var result: [RxNormBrandLink] = []
        for row in table.rows {
            let numeric = { (text: String) in !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            guard numeric(row[bnRxcui]), numeric(row[inRxcui]), !row[inName].isEmpty else {
                report.skip(table.path, row.line, "brand \"\(row[bn])\" has no resolved ingredient")
                continue
            }
            result.append(
                RxNormBrandLink(
                    brandRxcui: row[bnRxcui], brand: row[bn], ingredientRxcui: row[inRxcui], ingredient: row[inName]))
        }
        return result
    }
}
