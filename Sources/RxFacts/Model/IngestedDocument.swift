import Foundation

/// Raw bytes handed to the pipeline, with the name they are reported under.
public struct SourceInput: Sendable {
    /// Display path: a file path, `-` for stdin, or `archive.zip!member.xml`.
    public var path: String
    public var bytes: [UInt8]
    /// The document id to use when the format names none (text, generic XML, an SPL without a
    /// setId): given by the caller, e.g. the path relative to the directory walked or `--id`.
    public var id: String?

    public init(path: String, bytes: [UInt8], id: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.id = id
    }

    /// The id of a document whose format names none: `id` when given, else the file name
    /// without extension, `stdin-` and a content hash for standard input; never empty.
    public var documentId: String {
        if let id, !id.isEmpty { return id }
        if path == "-" { return "stdin-" + String(ContentHash.fnv1a64Hex(bytes).prefix(12)) }
        let stem = self.stem
        return stem.isEmpty ? "document-" + String(ContentHash.fnv1a64Hex(bytes).prefix(12)) : stem
    }

    /// `id` without surrounding whitespace, or nil when nothing is left (an SPL `setId root=""`
    /// names no document: the ingester falls back to the next candidate, at last `documentId`).
    public static func usableId(_ id: String?) -> String? {
        guard let id else { return nil }
        let trimmed = id.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// File name without directory and extension: the document id of a text leaflet.
    public var stem: String {
        let name = path.split(whereSeparator: { $0 == "/" || $0 == "!" }).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// What an ingester makes of an input: its text, where that text sits in the source,
/// and whatever structure the format gave (sections, products) for later stages.
public struct IngestedDocument: Sendable {
    public var info: DocumentInfo
    /// The original file bytes; evidence offsets point into these.
    public var source: [UInt8]
    /// The document's readable text (for plain text: the source itself, minus a BOM).
    public var text: [UInt8]
    /// Maps offsets in `text` to offsets in `source`.
    public var textMap: OffsetMap
    /// Sections given by the format, in `text` offsets. Empty: the segmenter finds headings.
    public var sections: [SectionSpan]
    /// Products and active ingredients declared by structured formats (SPL).
    public var products: [Product]
    /// Facts the format states in its structure rather than its prose (an SPL's DEA schedule
    /// policy, an FDA class-indexing entry); the assembler adds them as they are.
    public var declaredFacts: [DeclaredFact] = []

    public init(
        info: DocumentInfo, source: [UInt8], text: [UInt8], textMap: OffsetMap,
        sections: [SectionSpan] = [], products: [Product] = []
    ) {
        self.info = info
        self.source = source
        self.text = text
        self.textMap = textMap
        self.sections = sections
        self.products = products
    }
}

/// A section the input format declares, as a range of the ingested text.
public struct SectionSpan: Sendable, Hashable {
    /// Canonical section name, e.g. `indications and usage`, or the heading text.
    public var name: String
    /// LOINC section code where the format has one (SPL).
    public var code: String?
    /// Nesting depth, 1 for top-level sections.
    public var level: Int
    /// Range of the section's own text (heading excluded) in `IngestedDocument.text`.
    public var range: Range<Int>

    public init(name: String, code: String? = nil, level: Int = 1, range: Range<Int>) {
        self.name = name
        self.code = code
        self.level = level
        self.range = range
    }
}

/// A product a structured label declares.
public struct Product: Sendable, Hashable {
    public var name: String?
    public var ingredients: [Ingredient]
    /// DEA schedule in DEA notation (`CII`…`CV`), with where it was read.
    public var schedule: MetadataValue?

    public init(name: String?, ingredients: [Ingredient], schedule: MetadataValue? = nil) {
        self.name = name
        self.ingredients = ingredients
        self.schedule = schedule
    }
}

/// An active ingredient of a product.
public struct Ingredient: Sendable, Hashable {
    public var name: String
    public var unii: String?
    public var provenance: MetadataValue?

    public init(name: String, unii: String?, provenance: MetadataValue? = nil) {
        self.name = name
        self.unii = unii
        self.provenance = provenance
    }
}

/// A fact a structured format states in its metadata rather than its prose, handed on by the
/// ingester in a format-neutral form so that no later stage needs to know the format.
public struct DeclaredFact: Sendable, Hashable {
    public var type: FactType
    /// Canonical value (`CII`, `hmg-coa reductase inhibitor`).
    public var value: String
    /// `system:code` of the value, e.g. `nui:N0000175589`.
    public var code: String?
    /// Where it was read: XML path and source byte range.
    public var provenance: MetadataValue
    /// The id reported as the fact's `rule` (e.g. `spl.dea-schedule`).
    public var rule: String
    /// The fact's `source` (e.g. `spl-metadata`).
    public var source: String

    public init(
        type: FactType, value: String, code: String? = nil, provenance: MetadataValue, rule: String, source: String
    ) {
        self.type = type
        self.value = value
        self.code = code
        self.provenance = provenance
        self.rule = rule
        self.source = source
    }
}

/// A value read from document structure rather than prose, with its XML path and byte range.
public struct MetadataValue: Sendable, Hashable {
    public var value: String
    public var path: String
    public var range: Range<Int>

    public init(value: String, path: String, range: Range<Int>) {
        self.value = value
        self.path = path
        self.range = range
    }
}
