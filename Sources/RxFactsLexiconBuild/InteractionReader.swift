import RxFacts
/// Reads the ONC and VA NDF-RT interaction tables of `ddi_merged_pddi_dikb/` (DrugBank-keyed).
package struct InteractionReader: Sendable {
    /// File, source label, fixed severity (nil: read the `severity` column).
    package static let files: [(path: String, source: String, severity: String?)] = [
        ("ddi_merged_pddi_dikb/onc_high_priority.tsv", "onc-high-priority", "high"),
        ("ddi_merged_pddi_dikb/ndfrt_va.tsv", "ndfrt-va", nil),
        ("ddi_merged_pddi_dikb/onc_non_interruptive.tsv", "onc-non-interruptive", "low"),
    ]

    /// One raw row: DrugBank IDs, names as given, severity, source.
    package struct Row: Sendable, Hashable {
        package var drugbank1: String
        package var name1: String
        package var drugbank2: String
        package var name2: String
        package var severity: String
        package var source: String
        package var path: String
        package var line: Int
    }

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [Row] {
        var rows: [Row] = []
        for file in Self.files {
            let table = try DelimitedTable.read(path: vocab + "/" + file.path, dialect: .tsv)
            report.noteMalformed(table)
            let id1 = try table.column("drug1ID")
            let n1 = try table.column("object")
            let id2 = try table.column("drug2ID")
            let n2 = try table.column("precipitant")
            let severityColumn = file.severity == nil ? try table.column("severity") : nil
            for row in table.rows {
                let severity = file.severity ?? row[severityColumn!].lowercased()
                rows.append(
                    Row(
                        drugbank1: row[id1], name1: row[n1], drugbank2: row[id2], name2: row[n2],
                        severity: severity, source: file.source, path: table.path, line: row.line))
            }
        }
        return rows
    }
}
