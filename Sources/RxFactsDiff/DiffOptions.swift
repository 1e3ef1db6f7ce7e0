import RxFacts
/// What counts as "the same fact" when `diff` compares reference and actual records.
///
/// Facts always match on document id, drug canonical name and `Fact.key` (type, value, negated).
/// `hedged` and `qualifiers` are reported when they differ on matched facts; these options make
/// them part of the identity instead, so a difference becomes a miss plus an extra.
public struct DiffOptions: Sendable, Hashable, Codable {
    public var matchHedged: Bool
    public var matchQualifiers: Bool
    /// Only score these fact types (nil: all).
    public var types: [FactType]?

    public init(matchHedged: Bool = false, matchQualifiers: Bool = false, types: [FactType]? = nil) {
        self.matchHedged = matchHedged
        self.matchQualifiers = matchQualifiers
        self.types = types
    }
}
