import RxFacts
/// A Disease Ontology term with its exact synonyms and cross-references.
public struct DiseaseTerm: Sendable, Hashable {
    public var doid: String
    public var name: String
    public var synonyms: [String]
    /// Resource (`ICD10`, `UMLS`, `MSH`, …) → IDs.
    public var xrefs: [String: [String]]
}
