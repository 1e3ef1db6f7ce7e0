/// Fact rules, read from a `rxfacts-rules/1` YAML file a user edits without recompiling.
///
/// A rule reads like a sentence: *after one of these cues, within `gap` tokens, a list of
/// these kinds of terms is a fact of this type about the document's drug*.
public struct RulePack: Codable, Sendable {
    public var schema: String?
    /// Words and marks that join list items ("," "and" "or" "such as" "including").
    public var separators: [String]
    /// Words that end a list or a cue's reach ("which", "is", "leading", ";").
    public var stops: [String]
    public var rules: [FactRule]
    /// Qualifiers every fact read in certain sections (or sentences) gets, e.g.
    /// `severity: boxed-warning` for facts read in a Boxed Warning section.
    public var sectionQualifiers: [SectionQualifier]?

    enum CodingKeys: String, CodingKey {
        case schema, separators, stops, rules
        case sectionQualifiers = "section_qualifiers"
    }
}

/// A qualifier given to facts by where they are read: in a section whose name (or an enclosing
/// section's name) contains one of `sections`, or in a sentence containing one of `cues`.
public struct SectionQualifier: Codable, Sendable {
    /// Qualifier name, e.g. `severity`.
    public var name: String
    /// Qualifier value, e.g. `boxed-warning`.
    public var value: String
    /// Section-name substrings ("boxed warning", "contraindications").
    public var sections: [String]?
    /// Phrases that give the qualifier to the facts of their sentence ("contraindicated").
    public var cues: [String]?
    /// Fact types that get the qualifier (default: all).
    public var facts: [String]?
}

/// One rule of a rule pack.
public struct FactRule: Codable, Sendable {
    /// Who a sentence must be about for the rule to apply.
    public enum SubjectMode: String, Codable, Sendable {
        /// The document's drug (or "it", "the drug") is named before the cue.
        case beforeCue = "before-cue"
        /// The document's drug is named or referred to anywhere in the sentence.
        case explicit
        /// Any sentence not about another drug (leaflet prose is about its drug by default).
        case any
    }

    /// Unique id, reported in each fact's `rule`.
    public var id: String
    /// Fact type produced (`class`, `indication`, …).
    public var fact: String
    /// Phrases that introduce the targets. No cues: every target mention is a fact.
    public var cues: [String]?
    /// Lexicon kinds the rule extracts (`class`, `condition`, `effect`, `drug`…).
    public var targets: [String]
    /// Tokens allowed between a cue and its first target (default 4).
    public var gap: Int?
    /// Whether targets coordinated after the first ("A, B and C") are taken too (default true).
    public var list: Bool?
    public var subject: SubjectMode?
    /// Whether negation cues negate this fact (default true; false for warnings like
    /// "do not take with alcohol", which state the combination rather than deny it).
    public var negatable: Bool?
    /// Whether a conditional scope ("if you have …") hedges this rule's facts (default true;
    /// false where the condition is the fact, as in a Contraindications section).
    public var conditionalHedges: Bool?
    /// Whether targets inside an `existing` context scope ("in patients with …", "history of …")
    /// are skipped (default false; true for adverse effects).
    public var skipExisting: Bool?
    /// Phrases of which one must also occur in the sentence ("dangerous", "risk").
    public var requires: [String]?
    /// Only in sections whose name contains one of these words.
    public var sections: [String]?
    /// Never in sections whose name (or an enclosing section's) contains one of these words.
    public var excludeSections: [String]?
    /// Skip targets that are the document's drug itself (default false).
    public var excludeSubject: Bool?
    /// Named qualifiers read from the same sentence (e.g. `risks` after "leading to").
    public var qualifiers: [String: QualifierRule]?

    enum CodingKeys: String, CodingKey {
        case id, fact, cues, targets, gap, list, subject, negatable, requires, sections, qualifiers
        case excludeSubject = "exclude_subject"
        case conditionalHedges = "conditional_hedges"
        case skipExisting = "skip_existing"
        case excludeSections = "exclude_sections"
    }
}

/// How a qualifier's values are found: cue phrases followed by a list of target kinds.
public struct QualifierRule: Codable, Sendable {
    public var cues: [String]
    public var targets: [String]
    public var gap: Int?
}

/// Context rules (ConText): triggers that negate, hedge or condition what follows or
/// precedes them, terminators that end a scope, and the words that refer back to the
/// document's drug.
public struct ContextRules: Codable, Sendable {
    public enum Category: String, Codable, Sendable {
        case negated, hedged, conditional
        /// A condition the patient already has ("patients with", "history of"): rules with
        /// `skip_existing` do not read it as a fact (a pre-existing disease is no adverse effect).
        case existing
        /// Looks like a trigger but is not one ("not only", "no longer"); blocks the shorter trigger.
        case pseudo
        /// Ends any open scope ("but", "however", "which").
        case terminate
    }

    public enum Direction: String, Codable, Sendable {
        case forward, backward, bidirectional
    }

    public struct Trigger: Codable, Sendable {
        public var literal: String
        public var category: Category
        public var direction: Direction?
        /// Scope length in tokens (default: the file's `window`).
        public var window: Int?
    }

    public var schema: String?
    /// Default scope length in tokens.
    public var window: Int?
    /// Phrases that refer to the document's drug ("it", "the drug", "this medicine").
    public var anaphora: [String]
    public var triggers: [Trigger]
    /// Phrases that name a medicine's active substance ("X contains the active substance Y"):
    /// a capitalised name the lexicon does not know, on the phrase's `brand` side, becomes a
    /// brand of the drug named next to the phrase, and its later mentions refer to that drug.
    public var brandLinks: [BrandLink]?

    /// A phrase linking a brand name to its active substance.
    public struct BrandLink: Codable, Sendable {
        public enum Side: String, Codable, Sendable {
            /// "Zelmora contains the active substance diazepam".
            case before
            /// "diazepam, the active substance of Zelmora".
            case after
        }
        public var literal: String
        /// Where the brand name stands relative to the phrase.
        public var brand: Side
    }

    public init(schema: String? = nil, window: Int? = nil, anaphora: [String], triggers: [Trigger], brandLinks: [BrandLink]? = nil) {
        self.schema = schema
        self.window = window
        self.anaphora = anaphora
        self.triggers = triggers
        self.brandLinks = brandLinks
    }

    enum CodingKeys: String, CodingKey {
        case schema, window, anaphora, triggers
        case brandLinks = "brand_links"
    }
}
