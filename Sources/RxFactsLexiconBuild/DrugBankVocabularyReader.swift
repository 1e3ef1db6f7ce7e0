import RxFacts
/// Reads `drugbank_open_vocabulary/drugbank_vocabulary.csv`.
package struct DrugBankVocabularyReader: Sendable {
    package static let relativePath = "drugbank_open_vocabulary/drugbank_vocabulary.csv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [DrugBankDrug] {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .csv)
        report.noteMalformed(table)
        let id = try table.column("DrugBank ID")
        let name = try table.column("Common name")
        let unii = try table.column("UNII")
        let synonyms = try table.column("Synonyms")
        return table.rows.map { row in
            DrugBankDrug(
                id: row[id], name: row[name], unii: row[unii],
                synonyms: row[synonyms].components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty })
        }
    }
}
