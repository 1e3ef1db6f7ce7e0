/// Stage `emit`: the document's record — its description (with the section names evidence
/// uses) and its drugs with their facts. `RecordEncoder` writes it as one JSON line.
package struct RecordBuilder: Sendable {
    /// What produced the record (written into it).
    package let provenance: Provenance

    package init(provenance: Provenance) {
        self.provenance = provenance
    }

    package func process(_ doc: inout AnalyzedDocument) {
        var info = doc.ingested.info
        if !doc.sections.isEmpty {
            // The segmenter's names (with paths for unclassified subsections) are the ones evidence uses.
            var names: [String] = []
            for section in doc.sections where names.last != section.name { names.append(section.name) }
            info.sections = names
        }
        // Character offsets beside the byte offsets (what Python's str indexing uses).
        doc.record = CharacterOffsets.adding(
            to: Record(document: info, drugs: doc.drugs, provenance: provenance), source: doc.ingested.source)
    }
}

extension RecordBuilder: Stage {}
