import RxFacts
/// An RxNorm ingredient (TTY IN) with its RxCUI and UMLS CUI.
package struct RxNormIngredient: Sendable, Hashable {
    package var rxcui: String
    package var name: String
    package var synonym: String
    package var umls: String
}
