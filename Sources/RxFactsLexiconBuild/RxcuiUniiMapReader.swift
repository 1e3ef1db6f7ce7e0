import RxFacts
/// Reads `indications_dhimmel/rxcui-unii-map.tsv` into RxCUI → UNIIs (sorted).
package struct RxcuiUniiMapReader: Sendable {
    package static let relativePath = "indications_dhimmel/rxcui-unii-map.tsv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [String: [String]] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let rxcui = try table.column("rxnorm_id")
        let unii = try table.column("fdasrs_id")
        var map: [String: [String]] = [:]
        for row in table.rows where !row[unii].isEmpty {
            map[row[rxcui], default: []].append(row[unii])
        }
        return map.mapValues { Array(Set($0)).sorted() }
    }
}
