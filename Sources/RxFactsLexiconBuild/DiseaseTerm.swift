import RxFacts
/// A Disease Ontology term with its exact synonyms and cross-references.
package struct DiseaseTerm: Sendable, Hashable {
    package var doid: String
    package var name: String
    package var synonyms: [String]
    /// Resource (`ICD10`, `UMLS`, `MSH`, …) → IDs.
    package var xrefs: [String: [String]]
}
