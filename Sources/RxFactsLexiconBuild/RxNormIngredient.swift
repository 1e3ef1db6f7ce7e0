import RxFacts
/// An RxNorm ingredient (TTY IN) with its RxCUI and UMLS CUI.
public struct RxNormIngredient: Sendable, Hashable {
    public var rxcui: String
    public var name: String
    public var synonym: String
    public var umls: String
}
