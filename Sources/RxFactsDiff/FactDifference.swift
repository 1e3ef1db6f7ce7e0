import RxFacts
/// One fact present on one side of a diff and missing from the other.
public struct FactDifference: Sendable, Hashable, Codable, Comparable {
    public var document: String
    public var drug: String
    public var type: FactType
    public var value: String
    public var negated: Bool
    public var hedged: Bool
    public var qualifiers: [String: [String]]?
    public var evidence: [Evidence]

    public init(document: String, drug: String, fact: Fact) {
        self.document = document
        self.drug = drug
        self.type = fact.type
        self.value = fact.value
        self.negated = fact.negated
        self.hedged = fact.hedged
        self.qualifiers = fact.qualifiers
        self.evidence = fact.evidence
    }

    public static func < (a: FactDifference, b: FactDifference) -> Bool {
        if a.document != b.document { return a.document < b.document }
        if a.drug != b.drug { return a.drug < b.drug }
        let ka = FactKey(type: a.type, value: a.value, negated: a.negated)
        let kb = FactKey(type: b.type, value: b.value, negated: b.negated)
        if ka != kb { return ka < kb }
        if a.hedged != b.hedged { return !a.hedged }
        return QualifierText.render(a.qualifiers) < QualifierText.render(b.qualifiers)
    }
}

/// A fact found on both sides whose reported attributes differ.
public struct AttributeDifference: Sendable, Hashable, Codable, Comparable {
    public var document: String
    public var drug: String
    public var type: FactType
    public var value: String
    public var negated: Bool
    /// `hedged`, `qualifiers` (whichever are not part of matching) in that order.
    public var attributes: [String]
    public var reference: FactSnapshot
    public var actual: FactSnapshot

    public static func < (a: AttributeDifference, b: AttributeDifference) -> Bool {
        if a.document != b.document { return a.document < b.document }
        if a.drug != b.drug { return a.drug < b.drug }
        return FactKey(type: a.type, value: a.value, negated: a.negated)
            < FactKey(type: b.type, value: b.value, negated: b.negated)
    }
}

/// The attributes of one side of a matched or changed fact.
public struct FactSnapshot: Sendable, Hashable, Codable {
    public var negated: Bool
    public var hedged: Bool
    public var code: String?
    public var qualifiers: [String: [String]]?
    public var evidence: [Evidence]

    public init(_ fact: Fact) {
        negated = fact.negated
        hedged = fact.hedged
        code = fact.code
        qualifiers = fact.qualifiers
        evidence = fact.evidence
    }
}

/// Canonical text of a qualifier map, for ordering and display: `key=a|b; key2=c`.
enum QualifierText {
    static func render(_ qualifiers: [String: [String]]?) -> String {
        guard let qualifiers, !qualifiers.isEmpty else { return "" }
        return qualifiers.keys.sorted().map { "\($0)=\(qualifiers[$0]!.sorted().joined(separator: "|"))" }
            .joined(separator: "; ")
    }

    static func normalized(_ qualifiers: [String: [String]]?) -> [String: [String]] {
        guard let qualifiers else { return [:] }
        var result: [String: [String]] = [:]
        for (key, values) in qualifiers where !values.isEmpty { result[key] = values.sorted() }
        return result
    }
}
