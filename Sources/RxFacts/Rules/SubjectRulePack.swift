/// Subject rules, read from a `rxfacts-subject/1` YAML file (`Pipelines/rules/subject.yaml`,
/// named by the `subject` stage): the words that refer back to the document's drug, and the
/// phrases that link a brand name to its active substance.
package struct SubjectRulePack: Codable, Sendable {
    package var schema: String?
    /// Phrases that refer to the document's drug ("it", "the drug", "this medicine").
    package var anaphora: [String]
    /// Phrases that name a medicine's active substance ("X contains the active substance Y"):
    /// a capitalised name the lexicon does not know, on the phrase's `brand` side, becomes a
    /// brand of the drug named next to the phrase, and its later mentions refer to that drug.
    package var brandLinks: [BrandLink]?
    /// Capitalised words that start a sentence rather than name a medicine ("The", "This").
    package var notBrandNames: [String]?

    /// A phrase linking a brand name to its active substance.
    package struct BrandLink: Codable, Sendable {
        package enum Side: String, Codable, Sendable, CaseIterable {
            /// "Zelmora contains the active substance diazepam".
            case before
            /// "diazepam, the active substance of Zelmora".
            case after
        }
        package var literal: String
        /// Where the brand name stands relative to the phrase.
        package var brand: Side

        package init(literal: String, brand: Side) {
            self.literal = literal
            self.brand = brand
        }
    }

    package init(
        schema: String? = nil, anaphora: [String], brandLinks: [BrandLink]? = nil, notBrandNames: [String]? = nil
    ) {
        self.schema = schema
        self.anaphora = anaphora
        self.brandLinks = brandLinks
        self.notBrandNames = notBrandNames
    }

    enum CodingKeys: String, CodingKey {
        case schema, anaphora
        case brandLinks = "brand_links"
        case notBrandNames = "not_brand_names"
    }

    static let shape: YAMLShape = .mapping([
        "schema": .scalar, "anaphora": .list(.scalar),
        "brand_links": .list(.mapping(["literal": .scalar, "brand": .scalar])), "not_brand_names": .list(.scalar),
    ])
}
