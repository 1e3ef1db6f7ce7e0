/// Fact rules, read from a `rxfacts-rules/1` YAML file a user edits without recompiling
/// (`Pipelines/rules/facts.yaml`, named by the `assemble` stage of a pipeline file).
///
/// A rule reads like a sentence: *after one of these cues, within `gap` tokens, a list of
/// these kinds of terms is a fact of this type about the document's drug*.
package struct FactRulePack: Codable, Sendable {
    package var schema: String?
    /// Words and marks that join list items ("," "and" "or" "such as" "including").
    package var separators: [String]
    /// Words that end a list or a cue's reach ("which", "is", "leading", ";").
    package var stops: [String]
    /// Most tokens allowed between two items of a list ("A, B, and C"; default 7).
    package var listGap: Int?
    /// Words that do not count towards a cue's gap ("treatment of adult patients with moderate to
    /// severe Alzheimer's disease": "adult patients with moderate to severe" is no distance).
    package var fillers: [String]?
    /// Fact types this pack introduces beyond the built-in ones (`FactType.builtIn`).
    package var factTypes: [String]?
    package var rules: [FactRule]
    /// Qualifiers every fact read in certain sections (or sentences) gets, e.g.
    /// `severity: boxed-warning` for facts read in a Boxed Warning section.
    package var sectionQualifiers: [SectionQualifier]?

    enum CodingKeys: String, CodingKey {
        case schema, separators, stops, rules
        case listGap = "list_gap"
        case fillers
        case factTypes = "fact_types"
        case sectionQualifiers = "section_qualifiers"
    }

    /// The keys a rule file may use, for the validator.
    static let shape: YAMLShape = .mapping([
        "schema": .scalar, "separators": .list(.scalar), "stops": .list(.scalar), "list_gap": .scalar,
        "fillers": .list(.scalar),
        "fact_types": .list(.scalar), "rules": .list(FactRule.shape),
        "section_qualifiers": .list(SectionQualifier.shape),
    ])
}

/// A qualifier given to facts by where they are read: in a section whose name (or an enclosing
/// section's name) contains one of `sections`, or in a sentence containing one of `cues`.
package struct SectionQualifier: Codable, Sendable {
    /// Qualifier name, e.g. `severity`.
    package var name: String
    /// Qualifier value, e.g. `boxed-warning`.
    package var value: String
    /// Section-name substrings ("boxed warning", "contraindications").
    package var sections: [String]?
    /// Phrases that give the qualifier to the facts of their sentence ("contraindicated").
    package var cues: [String]?
    /// Fact types that get the qualifier (default: all).
    package var facts: [String]?
    /// Section roles (`Pipelines/rules/sections.yaml`) whose facts get the qualifier.
    package var roles: [String]?

    static let shape: YAMLShape = .mapping([
        "name": .scalar, "value": .scalar, "sections": .list(.scalar), "cues": .list(.scalar), "facts": .list(.scalar),
        "roles": .list(.scalar),
    ])
}

/// One rule of a rule pack.
package struct FactRule: Codable, Sendable {
    /// Who a sentence must be about for the rule to apply.
    package enum SubjectMode: String, Codable, Sendable, CaseIterable {
        /// The document's drug (or "it", "the drug") is named before the cue.
        case beforeCue = "before-cue"
        /// The document's drug is named or referred to anywhere in the sentence.
        case explicit
        /// Any sentence not about another drug (leaflet prose is about its drug by default).
        case any
        /// The document's drug is named right after the cue ("anti-epileptics such as pregabalin").
        case afterCue = "after-cue"
    }

    /// Where a rule's targets stand relative to its cue.
    package enum Direction: String, Codable, Sendable, CaseIterable {
        /// After the cue ("belongs to the benzodiazepine class"), the default.
        case forward
        /// Before it ("anti-epileptics such as pregabalin": the class, then the cue).
        case backward
    }

    /// Unique id, reported in each fact's `rule`.
    package var id: String
    /// Fact type produced (`class`, `indication`, …).
    package var fact: String
    /// Phrases that introduce the targets. No cues: every target mention is a fact.
    package var cues: [String]?
    /// Lexicon kinds the rule extracts (`class`, `condition`, `effect`, `drug`…). Not needed
    /// with `value`.
    package var targets: [String]?
    /// A fixed value: the cue alone states the fact ("allergic to" → contraindication
    /// `hypersensitivity`), with the cue as evidence.
    package var value: String?
    /// Tokens allowed between a cue and its first target (default 4).
    package var gap: Int?
    /// Whether targets coordinated after the first ("A, B and C") are taken too (default true).
    package var list: Bool?
    package var subject: SubjectMode?
    /// Where the targets stand relative to the cue (default forward).
    package var direction: Direction?
    /// Whether negation cues negate this fact (default true; false for warnings like
    /// "do not take with alcohol", which state the combination rather than deny it).
    package var negatable: Bool?
    /// Whether a target under negation is dropped instead of reported negated (default false; true
    /// where a negated statement is no fact at all: "Do not use X if you are not using an opioid"
    /// makes the opioid no contraindicated combination).
    package var dropNegated: Bool?
    /// Whether a hedged target ("may cause serotonin syndrome") is dropped (default false; true
    /// where the fact is a ban, which is never hedged: contraindications).
    package var dropHedged: Bool?
    /// Whether terms inside a parenthesis are skipped unless they open it: "blood clots (deep
    /// vein thrombosis)" names the condition, "delirium (a state with confusion …)" explains it
    /// (default false; true for conditions a leaflet explains in lay words).
    package var skipExplanations: Bool?
    /// Skip a class named as the label of a drug beside it: "linezolid (an antibiotic)",
    /// "the antibiotic clarithromycin", "tramadol, a medicine used to treat pain" (default false).
    package var skipAppositions: Bool?
    /// Whether a conditional scope ("if you have …") hedges this rule's facts (default true;
    /// false where the condition is the fact, as in a Contraindications section).
    package var conditionalHedges: Bool?
    /// Whether targets inside an `existing` context scope ("in patients with …", "history of …")
    /// are skipped (default false; true for adverse effects).
    package var skipExisting: Bool?
    /// Whether targets inside a `purpose` context scope ("medicines for depression") are skipped
    /// (default false; true for contraindications).
    package var skipPurpose: Bool?
    /// Whether targets inside a `background` context scope ("additional risk factors such as …")
    /// are skipped (default false; true for indications).
    package var skipBackground: Bool?
    /// Phrases of which one must also occur in the sentence ("dangerous", "risk").
    package var requires: [String]?
    /// Only in sections whose name contains one of these words.
    package var sections: [String]?
    /// Never in sections whose name (or an enclosing section's) contains one of these words.
    package var excludeSections: [String]?
    /// Only in sentences whose section (or list lead-in) has one of these roles.
    package var roles: [String]?
    /// Never in sentences whose section (or list lead-in) has one of these roles.
    package var excludeRoles: [String]?
    /// Phrases that, anywhere in a sentence, stop the rule there ("no interaction", "with or
    /// without food": the sentence says there is nothing to report).
    package var blockedBy: [String]?
    /// Skip targets that are the document's drug itself (default false).
    package var excludeSubject: Bool?
    /// Canonical values this rule never yields (case-insensitive): a generic head noun that names
    /// a kind of condition, not one ("treatment of the following infections").
    package var excludeValues: [String]?
    /// Named qualifiers read from the same sentence (e.g. `risks` after "leading to").
    package var qualifiers: [String: QualifierRule]?

    enum CodingKeys: String, CodingKey {
        case id, fact, cues, targets, value, gap, list, subject, direction, negatable, requires, sections, qualifiers,
            roles
        case excludeSubject = "exclude_subject"
        case excludeRoles = "exclude_roles"
        case blockedBy = "blocked_by"
        case conditionalHedges = "conditional_hedges"
        case skipExisting = "skip_existing"
        case skipPurpose = "skip_purpose"
        case skipBackground = "skip_background"
        case dropNegated = "drop_negated"
        case dropHedged = "drop_hedged"
        case skipExplanations = "skip_explanations"
        case skipAppositions = "skip_appositions"
        case excludeSections = "exclude_sections"
        case excludeValues = "exclude_values"
    }

    static let shape: YAMLShape = .mapping([
        "id": .scalar, "fact": .scalar, "cues": .list(.scalar), "targets": .list(.scalar), "gap": .scalar,
        "list": .scalar, "subject": .scalar, "direction": .scalar, "negatable": .scalar, "conditional_hedges": .scalar,
        "skip_existing": .scalar, "skip_purpose": .scalar, "skip_background": .scalar, "drop_negated": .scalar,
        "drop_hedged": .scalar, "skip_explanations": .scalar, "skip_appositions": .scalar, "requires": .list(.scalar),
        "sections": .list(.scalar),
        "exclude_sections": .list(.scalar), "exclude_subject": .scalar, "value": .scalar, "roles": .list(.scalar),
        "exclude_roles": .list(.scalar), "blocked_by": .list(.scalar), "exclude_values": .list(.scalar),
        "qualifiers": .dictionary(QualifierRule.shape),
    ])
}

/// How a qualifier's values are found: cue phrases followed by a list of target kinds.
package struct QualifierRule: Codable, Sendable {
    package var cues: [String]
    package var targets: [String]
    package var gap: Int?

    static let shape: YAMLShape = .mapping(["cues": .list(.scalar), "targets": .list(.scalar), "gap": .scalar])
}
