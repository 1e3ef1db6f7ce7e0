import RxFacts
/// What counts as "the same fact" when `diff` compares reference and actual records.
///
/// Facts always match on document id, drug canonical name and `Fact.key` (type, value, negated).
/// `hedged` and `qualifiers` are reported when they differ on matched facts; these options make
/// them part of the identity instead, so a difference becomes a miss plus an extra.
package struct DiffOptions: Sendable, Hashable, Codable {
    package var matchHedged: Bool
    package var matchQualifiers: Bool
    /// Only score these fact types (nil: all).
    package var types: [FactType]?
    /// Only score facts whose `source` is one of these or starts with one followed by `:` (nil:
    /// all). Gold lists what a leaflet states: score it with `["text", "spl-metadata"]`, leaving
    /// out what the `enrich` stage adds from the lexicon (`lexicon:drugs`).
    package var sources: [String]?

    package init(
        matchHedged: Bool = false, matchQualifiers: Bool = false, types: [FactType]? = nil, sources: [String]? = nil
    ) {
        self.matchHedged = matchHedged
        self.matchQualifiers = matchQualifiers
        self.types = types
        self.sources = sources
    }

    /// Whether a fact is scored under these options.
    package func scores(_ fact: Fact) -> Bool {
        if let types, !types.contains(fact.type) { return false }
        if let sources {
            return sources.contains { fact.source == $0 || fact.source.hasPrefix($0 + ":") }
        }
        return true
    }
}
