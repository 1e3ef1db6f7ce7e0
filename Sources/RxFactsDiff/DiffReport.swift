import RxFacts
/// The result of comparing actual records against reference records.
///
/// Every list is sorted, so the same inputs give the same report byte for byte.
package struct DiffReport: Sendable, Hashable, Codable {
    /// Scores of one fact type.
    package struct TypeScore: Sendable, Hashable, Codable {
        package var type: FactType
        package var micro: Score
        package var macro: MacroScore
    }

    /// How the two record sets' documents and drugs lined up.
    package struct Coverage: Sendable, Hashable, Codable {
        package var referenceDocuments: Int
        package var actualDocuments: Int
        package var matchedDocuments: Int
        package var onlyInReference: [String]
        package var onlyInActual: [String]
        /// `document/drug` pairs whose drug is missing from the actual record.
        package var drugsOnlyInReference: [String]
        /// `document/drug` pairs whose drug is absent from the reference record.
        package var drugsOnlyInActual: [String]
    }

    package var options: DiffOptions
    package var coverage: Coverage
    /// Micro-averaged over all facts.
    package var overall: Score
    /// Macro-averaged over documents (documents with no facts on either side are not counted).
    package var macro: MacroScore
    package var types: [TypeScore]
    /// In the reference, not in actual (false negatives).
    package var missing: [FactDifference]
    /// In actual, not in the reference (false positives).
    package var extra: [FactDifference]
    /// Matched facts whose hedged flag or qualifiers differ (when those are not part of matching).
    package var attributeDifferences: [AttributeDifference]

    /// The score of one type, if it occurs in either record set.
    package func score(for type: FactType) -> TypeScore? { types.first { $0.type == type } }
}
