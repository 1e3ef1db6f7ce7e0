import RxFacts
/// Reads `drugcentral_2016_olegursu/derived_fda_pharm_classes_distinct.tsv`: the distinct FDA
/// classes with NUI codes.
package struct FDAPharmClassReader: Sendable {
    package static let relativePath = "drugcentral_2016_olegursu/derived_fda_pharm_classes_distinct.tsv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [PharmClass] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let type = try table.column("class_type")
        let nui = try table.column("nui")
        let name = try table.column("class_name")
        var result: [PharmClass] = []
        for row in table.rows {
            guard let short = PharmClassTypes.shortName(row[type]) else {
                report.skip(table.path, row.line, "unknown class type \"\(row[type])\"")
                continue
            }
            result.append(PharmClass(type: short, code: row[nui], name: row[name]))
        }
        return result
    }
}
