import RxFacts

/// One document of an evidence report: its record and, when its source could be read, the
/// text a reviewer reads with the evidence spans placed in it.
package struct ReportDocument: Sendable {
    package var record: Record
    /// The readable text and section starts; nil when the source was not found or not readable.
    package var layout: TextLayout?
    /// Why the text is missing, shown in place of it (e.g. "source not found: a/b.txt").
    package var note: String?

    package init(record: Record, layout: TextLayout?, note: String? = nil) {
        self.record = record
        self.layout = layout
        self.note = note
    }

    /// The record's evidence in record order (drug, fact, evidence), each with its fact.
    package var evidenceItems: [EvidenceItem] {
        var items: [EvidenceItem] = []
        for (d, drug) in record.drugs.enumerated() {
            for (f, fact) in drug.facts.enumerated() {
                for (e, evidence) in fact.evidence.enumerated() {
                    items.append(
                        EvidenceItem(
                            number: items.count, drugIndex: d, factIndex: f, evidenceIndex: e, drugName: drug.name,
                            fact: fact, evidence: evidence))
                }
            }
        }
        return items
    }
}

/// One evidence span of a record, numbered in record order within its document.
package struct EvidenceItem: Sendable {
    /// 0-based position among the document's evidence spans (its mark's id).
    package var number: Int
    /// Positions of the drug, fact and evidence in the record.
    package var drugIndex: Int
    package var factIndex: Int
    package var evidenceIndex: Int
    package var drugName: String
    package var fact: Fact
    package var evidence: Evidence
}
