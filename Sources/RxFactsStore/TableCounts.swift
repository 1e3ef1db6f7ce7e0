/// Row counts of the store's tables, for checks and reports.
package struct TableCounts: Sendable, Hashable, CustomStringConvertible {
    package var documents: Int
    package var currentDocuments: Int
    package var drugs: Int
    package var brands: Int
    package var codes: Int
    package var facts: Int
    package var evidence: Int

    package init(
        documents: Int, currentDocuments: Int, drugs: Int, brands: Int, codes: Int, facts: Int, evidence: Int
    ) {
        self.documents = documents
        self.currentDocuments = currentDocuments
        self.drugs = drugs
        self.brands = brands
        self.codes = codes
        self.facts = facts
        self.evidence = evidence
    }

    package var description: String {
        "documents \(documents) (current \(currentDocuments)), drugs \(drugs), brands \(brands), "
            + "codes \(codes), facts \(facts), evidence \(evidence)"
    }
}
