import RxFacts
/// The result of comparing actual records against reference records.
///
/// Every list is sorted, so the same inputs give the same report byte for byte.
public struct DiffReport: Sendable, Hashable, Codable {
    /// Scores of one fact type.
    public struct TypeScore: Sendable, Hashable, Codable {
        public var type: FactType
        public var micro: Score
        public var macro: MacroScore
    }

    /// How the two record sets' documents and drugs lined up.
    public struct Coverage: Sendable, Hashable, Codable {
        public var referenceDocuments: Int
        public var actualDocuments: Int
        public var matchedDocuments: Int
        public var onlyInReference: [String]
        public var onlyInActual: [String]
        /// `document/drug` pairs whose drug is missing from the actual record.
        public var drugsOnlyInReference: [String]
        /// `document/drug` pairs whose drug is absent from the reference record.
        public var drugsOnlyInActual: [String]
    }

    public var options: DiffOptions
    public var coverage: Coverage
    /// Micro-averaged over all facts.
    public var overall: Score
    /// Macro-averaged over documents (documents with no facts on either side are not counted).
    public var macro: MacroScore
    public var types: [TypeScore]
    /// In the reference, not in actual (false negatives).
    public var missing: [FactDifference]
    /// In actual, not in the reference (false positives).
    public var extra: [FactDifference]
    /// Matched facts whose hedged flag or qualifiers differ (when those are not part of matching).
    public var attributeDifferences: [AttributeDifference]

    /// The score of one type, if it occurs in either record set.
    public func score(for type: FactType) -> TypeScore? { types.first { $0.type == type } }
}
