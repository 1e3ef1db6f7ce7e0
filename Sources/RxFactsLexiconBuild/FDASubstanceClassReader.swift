import RxFacts
/// Reads `ddi_merged_pddi_dikb/fda_spl_substance_to_pharm_class.tsv` (FDA SPL class indexing).
package struct FDASubstanceClassReader: Sendable {
    package static let relativePath = "ddi_merged_pddi_dikb/fda_spl_substance_to_pharm_class.tsv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [SubstanceClassLink]
    {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let pt = try table.column("pt")
        let role = try table.column("nameAndRole")
        var result: [SubstanceClassLink] = []
        for row in table.rows {
            guard let (name, type) = PharmClassTypes.splitSuffixed(row[role]) else {
                report.skip(
                    table.path, row.line, "class \"\(row[role])\" has no [EPC]/[MoA]/[PE]/[Chemical/Ingredient] suffix")
                continue
            }
            result.append(SubstanceClassLink(substance: row[pt], type: type, className: name))
        }
        return result
    }
}
