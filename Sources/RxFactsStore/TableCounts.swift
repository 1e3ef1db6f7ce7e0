/// Row counts of the store's tables, for checks and reports.
public struct TableCounts: Sendable, Hashable, CustomStringConvertible {
    public var documents: Int
    public var currentDocuments: Int
    public var drugs: Int
    public var brands: Int
    public var codes: Int
    public var facts: Int
    public var evidence: Int

    public init(
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

    public var description: String {
        "documents \(documents) (current \(currentDocuments)), drugs \(drugs), brands \(brands), "
            + "codes \(codes), facts \(facts), evidence \(evidence)"
    }
}
