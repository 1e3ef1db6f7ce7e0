/// A document as it moves through the pipeline: each stage reads the layers before it and
/// fills its own (`DocumentLayer` names them; a stage's descriptor says which it requires and
/// produces). Layers are written only by the stage that owns them — their setters are internal
/// to the library — and read by anyone. Offsets in every layer are byte offsets into
/// `normalized` unless said otherwise; `sourceRange(_:)` maps them back to the source file.
public struct AnalyzedDocument: Sendable {
    /// Layer `text` (ingest): the source, its readable text and what the format declares.
    public internal(set) var ingested: IngestedDocument
    /// Layer `normalized` (normalize): NFC, ASCII quotes and dashes, single spaces, no soft hyphens.
    public internal(set) var normalized: [UInt8] = []
    /// Maps `normalized` offsets to `ingested.text` offsets.
    public internal(set) var normalizedMap = OffsetMap()
    /// `ingested.sections` boundaries translated into `normalized` offsets by the normalizer.
    public internal(set) var declaredSections: [SectionSpan] = []
    /// Layers `sections` and `sentences` (segment).
    public internal(set) var sections: [Section] = []
    public internal(set) var sentences: [Sentence] = []
    /// Layer `tokens` (tokenize).
    public internal(set) var tokens: [Token] = []
    /// Layer `mentions` (tag): lexicon terms, in token order.
    public internal(set) var terms: [Mention] = []
    /// Rule cues (e.g. "belongs to", "used for"), in token order.
    public internal(set) var cues: [Mention] = []
    /// Context triggers (negation, hedging, conditional, terminators), in token order.
    public internal(set) var triggers: [Mention] = []
    /// Anaphora and brand-link phrases, in token order.
    public internal(set) var subjectPhrases: [Mention] = []
    /// Per-token roles in lists: bit 1 separator ("," "and" "such as"), bit 2 stop ("which", ";"),
    /// bit 4 filler (no distance for a cue's gap: "patients with", "moderate to severe").
    public internal(set) var tokenRoles: [UInt8] = []
    /// Layer `scopes` (context): per sentence, which bytes are negated, hedged, conditional or
    /// name an existing condition. Empty when the pipeline has no `context` stage.
    public internal(set) var scopes: [SentenceScopes] = []
    /// Layer `subjects` (subject): the drugs the document is about…
    public internal(set) var subjects: [SubjectDrug] = []
    /// …and, per sentence, the drugs it names or refers to ("it", "the drug").
    public internal(set) var references: [SentenceReferences] = []
    /// Layer `facts` (assemble; enrich adds to it): the facts per drug.
    public internal(set) var drugs: [DrugRecord] = []
    /// Layer `record` (emit): the record of the document.
    public internal(set) var record: Record?
    /// Layers of stages registered by users (`StageRegistry.register`), by layer name.
    public var custom: [String: any Sendable] = [:]

    public init(ingested: IngestedDocument) {
        self.ingested = ingested
    }

    /// Changes the facts layer. For stages that declare `facts` among the layers they rewrite
    /// (the built-in `enrich`, or a stage of your own that filters or adds facts).
    public mutating func rewriteFacts(_ body: (inout [DrugRecord]) -> Void) {
        body(&drugs)
    }

    /// The scopes of sentence `s` (none when the pipeline has no `context` stage).
    public func scopes(ofSentence s: Int) -> SentenceScopes {
        s < scopes.count ? scopes[s] : SentenceScopes()
    }

    /// The drug references of sentence `s` (none when the pipeline has no `subject` stage).
    public func references(ofSentence s: Int) -> SentenceReferences {
        s < references.count ? references[s] : SentenceReferences()
    }

    /// What sentence `s` is for: a list item's roles (its section's, plus those its lead-in gives,
    /// minus those its lead-in takes: "Tell your doctor if you are taking:" under "Do not take X
    /// with:" is advice), else its section's.
    public func roles(ofSentence s: Int) -> SectionRoleSet.RoleMask {
        sentences[s].leadIn >= 0 ? sentences[s].roles : sections[sentences[s].section].roles
    }

    /// Source-file byte range of a normalized range.
    public func sourceRange(_ range: Range<Int>) -> Range<Int> {
        ingested.textMap.sourceRange(normalizedMap.sourceRange(range))
    }

    /// Evidence for a normalized range: section name, source offsets and the source bytes there
    /// (for XML, markup between text nodes included: `source[start..<end]` is the text).
    public func evidence(for range: Range<Int>, section: String) -> Evidence {
        let source = sourceRange(range)
        return Evidence(section: section, start: source.lowerBound, end: source.upperBound, text: evidenceText(range))
    }

    /// The source bytes of a normalized range, as evidence quotes them.
    public func evidenceText(_ range: Range<Int>) -> String {
        String(decoding: ingested.source[sourceRange(range)], as: UTF8.self)
    }

    /// The normalized bytes of a range as a String (for messages and values, not hot paths).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: normalized[range], as: UTF8.self)
    }
}

/// A section of the document: a heading (possibly empty) and the sentences under it.
public struct Section: Sendable, Hashable {
    public init(
        name: String, code: String?, heading: Range<Int>, body: Range<Int>, sentences: Range<Int>,
        roles: SectionRoleSet.RoleMask = 0
    ) {
        self.name = name
        self.code = code
        self.heading = heading
        self.body = body
        self.sentences = sentences
        self.roles = roles
    }

    /// Lower-case name: the canonical SPL section name or the heading text.
    public var name: String
    public var code: String?
    /// Range of the heading line in normalized text (empty when there is none).
    public var heading: Range<Int>
    /// Range of the body in normalized text.
    public var body: Range<Int>
    /// Indices into `AnalyzedDocument.sentences`.
    public var sentences: Range<Int>
    /// What the section is for (`SectionRoleSet` bits): its heading's roles, its code's, and
    /// those of the sections enclosing it.
    public var roles: SectionRoleSet.RoleMask = 0
}

/// A sentence: a byte range and the tokens inside it.
public struct Sentence: Sendable, Hashable {
    public var range: Range<Int>
    /// Indices into `AnalyzedDocument.tokens`.
    public var tokens: Range<Int>
    /// Index into `AnalyzedDocument.sections`.
    public var section: Int
    /// For an item of a list, the index of the lead-in sentence that governs it ("Cymbalta is
    /// used to treat:" for "* depression"); -1 otherwise.
    public var leadIn: Int32 = -1
    /// For a list item, its roles: its section's, plus those its lead-in gives ("Do not take X if
    /// you:" → contraindication), minus those its lead-in takes.
    public var roles: SectionRoleSet.RoleMask = 0

    public init(
        range: Range<Int>, tokens: Range<Int>, section: Int, leadIn: Int32 = -1, roles: SectionRoleSet.RoleMask = 0
    ) {
        self.range = range
        self.tokens = tokens
        self.section = section
        self.leadIn = leadIn
        self.roles = roles
    }
}

/// A token: a byte range of the normalized text and the id of its folded form.
///
/// Tokens never hold a `String`; `key` is the id of the case- and plural-folded bytes in
/// the pipeline's `Vocabulary` (or `Token.unknownKey` when no lexicon phrase uses it).
public struct Token: Sendable, Hashable {
    public static let unknownKey: Int32 = -1

    public enum Kind: UInt8, Sendable {
        case word, number, punctuation
        /// A hyphen or slash inside a compound ("GABA-A", "and/or"): matching skips it.
        case joiner
        /// A clitic after an apostrophe ("'s", "'t"): possessive `'s` is skipped in matching.
        case clitic
    }

    public var start: Int32
    public var end: Int32
    public var key: Int32
    public var kind: Kind

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// A phrase found by an automaton: token span, byte span and what it matched.
public struct Mention: Sendable, Hashable {
    /// Token indices `[first, last]` as a half-open range over `AnalyzedDocument.tokens`.
    public var tokens: Range<Int>
    /// Byte range in normalized text.
    public var range: Range<Int>
    /// Indices of the matched entries in the automaton's entry table.
    public var entries: EntryList
    /// Index of the sentence the mention is in.
    public var sentence: Int
}

/// What the context stage decided about one sentence: the byte ranges (normalized) under
/// negation, hedging and conditional scope, and those naming a condition the patient already
/// has ("patients with …").
public struct SentenceScopes: Sendable, Hashable {
    public var negated: [Range<Int>] = []
    public var hedged: [Range<Int>] = []
    public var conditional: [Range<Int>] = []
    public var existing: [Range<Int>] = []
    /// Byte ranges naming conditions that only describe the patients a medicine is for ("risk
    /// factors such as …"); they are in `existing` too.
    public var background: [Range<Int>] = []
    /// Byte ranges naming what another medicine is for ("medicines for depression").
    public var purpose: [Range<Int>] = []

    public init() {}

    static func contains(_ scopes: [Range<Int>], _ offset: Int) -> Bool {
        scopes.contains { $0.contains(offset) }
    }
}

/// What the subject stage decided about one sentence: the drugs it names or refers to, in order.
public struct SentenceReferences: Sendable, Hashable {
    public var references: [DrugReference] = []

    public init() {}

    /// True when the last drug named before `offset` is the document's drug.
    public func documentDrugNamed(before offset: Int) -> Bool {
        references.last(where: { $0.start < offset })?.isDocumentDrug ?? false
    }

    /// True when the document's drug is named or referred to anywhere in the sentence.
    public var namesDocumentDrug: Bool { references.contains { $0.isDocumentDrug } }

    /// True when the sentence names only other drugs.
    public var isAboutOtherDrug: Bool { !references.isEmpty && !namesDocumentDrug }
}

/// A drug named (or referred to) in a sentence.
public struct DrugReference: Sendable, Hashable {
    /// Byte offset (normalized) of the name or anaphor.
    public var start: Int
    /// True for the document's drug, its brands and anaphora ("it", "the medicine").
    public var isDocumentDrug: Bool
    /// Canonical ingredient names, empty for an anaphor.
    public var names: [String]
}

/// A drug the document is about.
public struct SubjectDrug: Sendable, Hashable {
    public var name: String
    public var brands: [String]
    public var codes: [String: String]
}
