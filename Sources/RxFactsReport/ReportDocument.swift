import RxFacts

/// One document of an evidence report: its record and, when its source could be read, the
/// text a reviewer reads with the evidence spans placed in it.
public struct ReportDocument: Sendable {
    public var record: Record
    /// The readable text and section starts; nil when the source was not found or not readable.
    public var layout: TextLayout?
    /// Why the text is missing, shown in place of it (e.g. "source not found: a/b.txt").
    public var note: String?

    public init(record: Record, layout: TextLayout?, note: String? = nil) {
        self.record = record
        self.layout = layout
        self.note = note
    }

    /// The record's evidence in record order (drug, fact, evidence), each with its fact.
    public var evidenceItems: [EvidenceItem] {
        var items: [EvidenceItem] = []
        for (d, drug) in record.drugs.enumerated() {
            for (f, fact) in drug.facts.enumerated() {
                for (e, evidence) in fact.evidence.enumerated() {
                    items.append(EvidenceItem(number: items.count, drugIndex: d, factIndex: f, evidenceIndex: e, drugName: drug.name, fact: fact, evidence: evidence))
                }
            }
        }
        return items
    }
}

/// One evidence span of a record, numbered in record order within its document.
public struct EvidenceItem: Sendable {
    /// 0-based position among the document's evidence spans (its mark's id).
    public var number: Int
    /// Positions of the drug, fact and evidence in the record.
    public var drugIndex: Int
    public var factIndex: Int
    public var evidenceIndex: Int
    public var drugName: String
    public var fact: Fact
    public var evidence: Evidence
}
