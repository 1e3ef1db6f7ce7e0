/// Stage `emit`: the document's record — its description (with the section names evidence
/// uses) and its drugs with their facts. `RecordEncoder` writes it as one JSON line.
public struct RecordBuilder: Sendable {
    public init() {}

    public func process(_ doc: inout AnalyzedDocument) {
        var info = doc.ingested.info
        if !doc.sections.isEmpty {
            // The segmenter's names (with paths for unclassified subsections) are the ones evidence uses.
            var names: [String] = []
            for section in doc.sections where names.last != section.name { names.append(section.name) }
            info.sections = names
        }
        doc.record = Record(document: info, drugs: doc.drugs)
    }
}

extension RecordBuilder: Stage {}
