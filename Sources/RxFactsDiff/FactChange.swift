import RxFacts
/// One difference between two versions of the same document's facts (`rxfacts diff --changes`).
package struct FactChange: Sendable, Hashable, Codable, Comparable {
    package enum Kind: String, Sendable, Hashable, Codable, Comparable {
        case added
        case removed
        /// Same key on both sides; evidence text/section, hedged, qualifiers or code differ.
        case changed
        /// The same (type, value) flipped between asserted and negated.
        case negationChanged = "negation-changed"

        package static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    package var kind: Kind
    package var document: String
    package var drug: String
    package var type: FactType
    package var value: String
    /// For `changed`: which attributes differ, among `code`, `evidence`, `hedged`, `qualifiers`.
    package var fields: [String]
    /// The fact in the old version (nil for `added`).
    package var old: FactSnapshot?
    /// The fact in the new version (nil for `removed`).
    package var new: FactSnapshot?

    package static func < (a: FactChange, b: FactChange) -> Bool {
        if a.document != b.document { return a.document < b.document }
        if a.drug != b.drug { return a.drug < b.drug }
        if a.type != b.type { return a.type < b.type }
        if a.value != b.value { return a.value < b.value }
        if a.kind != b.kind { return a.kind < b.kind }
        return (a.old?.negated ?? a.new?.negated ?? false) == false && (b.old?.negated ?? b.new?.negated ?? false)
    }
}

/// What changed between two versions of the same documents.
package struct ChangeReport: Sendable, Hashable, Codable {
    package var documentsAdded: [String]
    package var documentsRemoved: [String]
    /// Documents present in both versions.
    package var documentsCompared: Int
    package var changes: [FactChange]

    package var isEmpty: Bool { documentsAdded.isEmpty && documentsRemoved.isEmpty && changes.isEmpty }

    /// Number of changes of one kind.
    package func count(_ kind: FactChange.Kind) -> Int { changes.filter { $0.kind == kind }.count }
}
