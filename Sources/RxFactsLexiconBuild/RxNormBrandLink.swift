import RxFacts
/// One brand → ingredient row of the RxNorm 2014 derived table.
public struct RxNormBrandLink: Sendable, Hashable {
    public var brandRxcui: String
    public var brand: String
    public var ingredientRxcui: String
    public var ingredient: String
}
