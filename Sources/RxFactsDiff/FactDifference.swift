import RxFacts
/// One fact present on one side of a diff and missing from the other.
package struct FactDifference: Sendable, Hashable, Codable, Comparable {
    package var document: String
    package var drug: String
    package var type: FactType
    package var value: String
    package var negated: Bool
    package var hedged: Bool
    package var qualifiers: [String: [String]]?
    package var evidence: [Evidence]

    package init(document: String, drug: String, fact: Fact) {
        self.document = document
        self.drug = drug
        self.type = fact.type
        self.value = fact.value
        self.negated = fact.negated
        self.hedged = fact.hedged
        self.qualifiers = fact.qualifiers
        self.evidence = fact.evidence
    }

    package static func < (a: FactDifference, b: FactDifference) -> Bool {
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
package struct AttributeDifference: Sendable, Hashable, Codable, Comparable {
    package var document: String
    package var drug: String
    package var type: FactType
    package var value: String
    package var negated: Bool
    /// `hedged`, `qualifiers` (whichever are not part of matching) in that order.
    package var attributes: [String]
    package var reference: FactSnapshot
    package var actual: FactSnapshot

    package static func < (a: AttributeDifference, b: AttributeDifference) -> Bool {
        if a.document != b.document { return a.document < b.document }
        if a.drug != b.drug { return a.drug < b.drug }
        return FactKey(type: a.type, value: a.value, negated: a.negated)
            < FactKey(type: b.type, value: b.value, negated: b.negated)
    }
}

/// The attributes of one side of a matched or changed fact.
package struct FactSnapshot: Sendable, Hashable, Codable {
    package var negated: Bool
    package var hedged: Bool
    package var code: String?
    package var qualifiers: [String: [String]]?
    package var evidence: [Evidence]

    package init(_ fact: Fact) {
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
