/// One output line of `rxfacts extract`: the facts found in one input document.
///
/// This is record contract `rxfacts/1` (see `docs/record.schema.json` and the README).
/// Everything in it is ordered deterministically so the same input gives byte-identical output.
public struct Record: Codable, Sendable, Hashable {
    public static let schemaVersion = "rxfacts/1"

    public var schema: String
    public var document: DocumentInfo
    public var drugs: [DrugRecord]
    /// Which rxfacts version, pipeline and vocabulary releases produced the record (absent in
    /// records written before provenance was recorded).
    public var provenance: Provenance?

    public init(document: DocumentInfo, drugs: [DrugRecord], provenance: Provenance? = nil) {
        self.schema = Record.schemaVersion
        self.document = document
        self.drugs = drugs
        self.provenance = provenance
    }
}

/// What the record says about its input document.
public struct DocumentInfo: Codable, Sendable, Hashable {
    /// File name without extension for text; the SPL `setId` for SPL.
    public var id: String
    /// The path (or `-` for stdin, or `archive.zip!member`) the document came from.
    public var source: String
    /// `text`, `spl`, `epi`, `xml`.
    public var format: String
    public var title: String?
    /// SPL `versionNumber`.
    public var version: String?
    /// SPL `effectiveTime` (YYYYMMDD).
    public var effectiveTime: String?
    /// SPL document type LOINC code (34391-3 Rx, 34390-5 OTC, 60685-5 class indexing).
    public var documentType: String?
    /// Section names in document order.
    public var sections: [String]?
    /// SHA-256-free content fingerprint: FNV-1a 64 of the source bytes, hex.
    public var contentHash: String?

    public init(
        id: String, source: String, format: String, title: String? = nil, version: String? = nil,
        effectiveTime: String? = nil, documentType: String? = nil, sections: [String]? = nil,
        contentHash: String? = nil
    ) {
        self.id = id
        self.source = source
        self.format = format
        self.title = title
        self.version = version
        self.effectiveTime = effectiveTime
        self.documentType = documentType
        self.sections = sections
        self.contentHash = contentHash
    }
}

/// A drug the document is about, with the facts stated about it.
public struct DrugRecord: Codable, Sendable, Hashable {
    /// Canonical lower-case name from the lexicon (ingredient, not brand).
    public var name: String
    public var brands: [String]
    /// Code system → code, e.g. `["rxcui": "3322", "unii": "Q3JTX2Q7TU"]`.
    public var codes: [String: String]
    public var facts: [Fact]

    public init(name: String, brands: [String] = [], codes: [String: String] = [:], facts: [Fact] = []) {
        self.name = name
        self.brands = brands
        self.codes = codes
        self.facts = facts
    }
}

/// The kinds of fact rxfacts extracts. Open-ended: rule packs may introduce others.
public struct FactType: RawRepresentable, Codable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public static func < (lhs: FactType, rhs: FactType) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let drugClass: FactType = "class"
    public static let mechanism: FactType = "mechanism"
    public static let schedule: FactType = "schedule"
    public static let indication: FactType = "indication"
    public static let combination: FactType = "combination"
    public static let adverseEffect: FactType = "adverse-effect"
    public static let withdrawal: FactType = "withdrawal"
    public static let dependence: FactType = "dependence"
    public static let contraindication: FactType = "contraindication"
    /// The types above; a rule pack names any others it introduces in `fact_types`.
    public static let builtIn: Set<FactType> = [
        .drugClass, .mechanism, .schedule, .indication, .combination, .adverseEffect, .withdrawal, .dependence,
        .contraindication,
    ]
}

/// One fact about a drug, with the evidence that supports it.
public struct Fact: Codable, Sendable, Hashable {
    public var type: FactType
    /// Canonical lower-case term from the lexicon (DEA notation such as `CIV` for schedules).
    public var value: String
    public var negated: Bool
    public var hedged: Bool
    /// `system:code` of the value where the lexicon knows one, e.g. `nui:N0000175694`.
    public var code: String?
    /// Extra facets, e.g. `["risks": ["respiratory depression", ...]]`. Values are sorted.
    public var qualifiers: [String: [String]]?
    public var evidence: [Evidence]
    /// Id of the rule that produced the fact (first one when several agree).
    public var rule: String
    /// `text` for facts read in the document's text, `spl-metadata` for SPL structure,
    /// `lexicon:<name>` for enrichment the text does not state.
    public var source: String

    public init(
        type: FactType, value: String, negated: Bool = false, hedged: Bool = false, code: String? = nil,
        qualifiers: [String: [String]]? = nil, evidence: [Evidence], rule: String, source: String = "text"
    ) {
        self.type = type
        self.value = value
        self.negated = negated
        self.hedged = hedged
        self.code = code
        self.qualifiers = qualifiers
        self.evidence = evidence
        self.rule = rule
        self.source = source
    }

    /// The identity facts are matched and deduplicated by.
    public var key: FactKey { FactKey(type: type, value: value, negated: negated) }
}

/// (type, value, negated): how facts are compared across records.
public struct FactKey: Hashable, Sendable, Comparable {
    public var type: FactType
    public var value: String
    public var negated: Bool

    public init(type: FactType, value: String, negated: Bool) {
        self.type = type
        self.value = value
        self.negated = negated
    }

    public static func < (a: FactKey, b: FactKey) -> Bool {
        if a.type != b.type { return a.type < b.type }
        if a.value != b.value { return a.value < b.value }
        return !a.negated && b.negated
    }
}

/// Where in the source file a fact was read.
public struct Evidence: Codable, Sendable, Hashable {
    /// Section name (canonical SPL section name, or the heading text of a plain-text leaflet).
    public var section: String
    /// Byte offsets into the original source file: `source[start..<end]` is `text`
    /// for plain text; for XML they delimit the text node(s) the evidence was read from.
    public var start: Int
    public var end: Int
    /// The same range in Unicode code points of the source decoded as UTF-8 (what Python's
    /// `str` and JavaScript's code-point iteration index): `decoded[charStart..<charEnd]` is
    /// the source text of `start..<end`. Filled when the record is emitted (`CharacterOffsets`);
    /// absent in records written before it existed.
    public var charStart: Int?
    public var charEnd: Int?
    public var text: String
    /// XML path of the node for metadata facts.
    public var path: String?

    public init(
        section: String, start: Int, end: Int, text: String, path: String? = nil, charStart: Int? = nil,
        charEnd: Int? = nil
    ) {
        self.section = section
        self.start = start
        self.end = end
        self.charStart = charStart
        self.charEnd = charEnd
        self.text = text
        self.path = path
    }
}
