import RxFacts
/// One difference between two versions of the same document's facts (`rxfacts diff --changes`).
public struct FactChange: Sendable, Hashable, Codable, Comparable {
    public enum Kind: String, Sendable, Hashable, Codable, Comparable {
        case added
        case removed
        /// Same key on both sides; evidence text/section, hedged, qualifiers or code differ.
        case changed
        /// The same (type, value) flipped between asserted and negated.
        case negationChanged = "negation-changed"

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    public var document: String
    public var drug: String
    public var type: FactType
    public var value: String
    /// For `changed`: which attributes differ, among `code`, `evidence`, `hedged`, `qualifiers`.
    public var fields: [String]
    /// The fact in the old version (nil for `added`).
    public var old: FactSnapshot?
    /// The fact in the new version (nil for `removed`).
    public var new: FactSnapshot?

    public static func < (a: FactChange, b: FactChange) -> Bool {
        if a.document != b.document { return a.document < b.document }
        if a.drug != b.drug { return a.drug < b.drug }
        if a.type != b.type { return a.type < b.type }
        if a.value != b.value { return a.value < b.value }
        if a.kind != b.kind { return a.kind < b.kind }
        return (a.old?.negated ?? a.new?.negated ?? false) == false && (b.old?.negated ?? b.new?.negated ?? false)
    }
}

/// What changed between two versions of the same documents.
public struct ChangeReport: Sendable, Hashable, Codable {
    public var documentsAdded: [String]
    public var documentsRemoved: [String]
    /// Documents present in both versions.
    public var documentsCompared: Int
    public var changes: [FactChange]

    public var isEmpty: Bool { documentsAdded.isEmpty && documentsRemoved.isEmpty && changes.isEmpty }

    /// Number of changes of one kind.
    public func count(_ kind: FactChange.Kind) -> Int { changes.filter { $0.kind == kind }.count }
}
