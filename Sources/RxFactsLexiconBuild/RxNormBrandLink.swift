import RxFacts
/// One brand → ingredient row of the RxNorm 2014 derived table.
package struct RxNormBrandLink: Sendable, Hashable {
    package var brandRxcui: String
    package var brand: String
    package var ingredientRxcui: String
    package var ingredient: String
}
