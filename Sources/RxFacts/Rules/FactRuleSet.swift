/// A fact rule pack compiled for matching: rules with their kinds resolved to ids, every cue,
/// required phrase and qualifier cue in the cue layer of the shared automaton, list words in
/// the list-word layer. Compiling validates the pack against the lexicon: an unknown fact type
/// or target kind, or a phrase that can never match, is an error at its `file:line:column`.
package struct FactRuleSet: Sendable {
    /// A rule with its kinds resolved. A class: the matcher reads rules in its inner loop, and
    /// one reference is cheaper to pass around than a struct of arrays and strings.
    package final class Rule: Sendable {
        package let id: String
        package let fact: FactType
        package let hasCues: Bool
        package let targetKinds: [String]
        /// `targetKinds` as kind ids (see `LexiconIndex.kindIDs(_:)`).
        package let targetKindIDs: [UInt16]
        package let gap: Int
        package let list: Bool
        package let subject: FactRule.SubjectMode
        package let direction: FactRule.Direction
        package let negatable: Bool
        package let conditionalHedges: Bool
        package let skipExisting: Bool
        package let skipPurpose: Bool
        package let skipBackground: Bool
        package let dropNegated: Bool
        package let dropHedged: Bool
        package let skipExplanations: Bool
        package let skipAppositions: Bool
        package let hasRequirements: Bool
        package let sections: [String]
        package let excludedSections: [String]
        package let excludeSubject: Bool
        /// Lower-cased canonical values the rule never yields.
        package let excludedValues: Set<String>
        package let qualifiers: [Qualifier]
        /// Sentences must have one of these roles (0: any) and none of `excludedRoles`.
        package let roles: SectionRoleSet.RoleMask
        package let excludedRoles: SectionRoleSet.RoleMask
        /// The fixed value of a rule whose cue alone states the fact.
        package let value: String?
        package let hasBlockers: Bool

        /// A named qualifier of a rule: cue phrases (in the cue layer) and target kinds.
        package struct Qualifier: Sendable {
            package let name: String
            package let targets: [UInt16]
            package let gap: Int
        }

        init(
            _ rule: FactRule, qualifiers: [Qualifier], lexicon: LexiconIndex, roles: SectionRoleSet.RoleMask,
            excludedRoles: SectionRoleSet.RoleMask
        ) {
            id = rule.id
            fact = FactType(rawValue: rule.fact)
            hasCues = !(rule.cues ?? []).isEmpty
            targetKinds = rule.targets ?? []
            targetKindIDs = lexicon.kindIDs(rule.targets ?? [])
            self.roles = roles
            self.excludedRoles = excludedRoles
            value = rule.value
            hasBlockers = !(rule.blockedBy ?? []).isEmpty
            gap = rule.gap ?? 4
            list = rule.list ?? true
            subject = rule.subject ?? .any
            direction = rule.direction ?? .forward
            negatable = rule.negatable ?? true
            conditionalHedges = rule.conditionalHedges ?? true
            skipExisting = rule.skipExisting ?? false
            skipPurpose = rule.skipPurpose ?? false
            skipBackground = rule.skipBackground ?? false
            dropNegated = rule.dropNegated ?? false
            dropHedged = rule.dropHedged ?? false
            skipExplanations = rule.skipExplanations ?? false
            skipAppositions = rule.skipAppositions ?? false
            hasRequirements = !(rule.requires ?? []).isEmpty
            sections = rule.sections ?? []
            excludedSections = rule.excludeSections ?? []
            excludeSubject = rule.excludeSubject ?? false
            excludedValues = Set((rule.excludeValues ?? []).map { $0.lowercased() })
            self.qualifiers = qualifiers
        }
    }

    /// What a phrase of the cue layer means (the payload of a cue mention indexes `cueRoles`).
    package struct CueRole: Sendable, Hashable {
        package enum Kind: UInt8, Sendable, Hashable {
            /// Introduces the rule's targets.
            case cue
            /// One of the rule's `requires` phrases.
            case requirement
            /// Introduces the values of one of the rule's qualifiers.
            case qualifier
            /// Gives the facts of its sentence a section qualifier.
            case sentenceQualifier
            /// One of the rule's `blocked_by` phrases.
            case blocker
        }
        package let kind: Kind
        /// The rule (`cue`, `requirement`, `qualifier`) or section qualifier (`sentenceQualifier`).
        package let index: Int32
        /// For `qualifier`: the qualifier's position in the rule's `qualifiers`.
        package let qualifier: Int32
    }

    /// A section qualifier with its fact types resolved (see `SectionQualifier`).
    package struct SectionQualifierRule: Sendable {
        package let name: String
        package let value: String
        package let sections: [String]
        package let roles: SectionRoleSet.RoleMask
        /// Empty: every fact type.
        package let facts: Set<FactType>

        package func applies(to type: FactType) -> Bool { facts.isEmpty || facts.contains(type) }
    }

    package let rules: [Rule]
    /// The rules' `sections` and `exclude_sections` phrases, each once, as bytes.
    let sectionPhrases: SectionPhrases
    package let cueRoles: [CueRole]
    package let sectionQualifiers: [SectionQualifierRule]
    /// Most tokens between two items of a list.
    package let listGap: Int
    let separators: [String]
    let stops: [String]
    let fillers: [String]

    /// No rules (a pipeline without an `assemble` stage).
    init() {
        rules = []
        sectionPhrases = SectionPhrases(rules: [])
        cueRoles = []
        sectionQualifiers = []
        listGap = 7
        separators = []
        stops = []
        fillers = []
    }

    init(
        _ pack: FactRulePack, file: YAMLFile, lexicon: LexiconIndex, roles roleSet: SectionRoleSet,
        into phrases: inout PhraseAutomaton, vocabulary: inout Vocabulary
    ) throws(InputError) {
        func roleMask(_ names: [String]?, at path: [YAMLFile.PathElement]) throws(InputError) -> SectionRoleSet.RoleMask
        {
            for (k, name) in (names ?? []).enumerated() where !roleSet.names.contains(name) {
                var reason = "unknown role '\(name)'"
                if let suggestion = YAMLFile.closest(name, among: roleSet.names) {
                    reason += "; did you mean '\(suggestion)'?"
                }
                reason +=
                    roleSet.names.isEmpty
                    ? " (the pipeline's segment stage names no roles file)"
                    : " (roles: \(roleSet.names.joined(separator: ", ")))"
                throw file.error(at: path + [.index(k)], reason)
            }
            return roleSet.mask(names ?? []) ?? 0
        }
        let factTypes = FactType.builtIn.union((pack.factTypes ?? []).map(FactType.init(rawValue:)))
        let knownKinds = lexicon.kinds.union(LexiconIndex.standardKinds)
        var roles: [CueRole] = []
        var roleIndex: [CueRole: Int32] = [:]
        func addCue(_ phrase: String, _ role: CueRole, at path: [YAMLFile.PathElement]) throws(InputError) {
            let payload: Int32
            if let existing = roleIndex[role] {
                payload = existing
            } else {
                payload = Int32(roles.count)
                roles.append(role)
                roleIndex[role] = payload
            }
            let layer = role.kind == .blocker ? PhraseLayer.blockers : PhraseLayer.cues
            try addRulePhrase(
                phrase, payload: payload, layer: layer, file: file, at: path, into: &phrases, vocabulary: &vocabulary)
        }
        func checkKinds(_ kinds: [String], at path: [YAMLFile.PathElement]) throws(InputError) {
            guard !kinds.isEmpty else {
                throw file.error(at: path, "\(YAMLFile.describe(path)): at least one target kind is needed")
            }
            for (k, kind) in kinds.enumerated() where !knownKinds.contains(kind) {
                var reason = "unknown target kind '\(kind)'"
                if let suggestion = YAMLFile.closest(kind, among: knownKinds) {
                    reason += "; did you mean '\(suggestion)'?"
                }
                reason += " (kinds: \(knownKinds.sorted().joined(separator: ", ")))"
                throw file.error(at: path + [.index(k)], reason)
            }
        }
        var ids: Set<String> = []
        var compiled: [Rule] = []
        for (index, rule) in pack.rules.enumerated() {
            let at: [YAMLFile.PathElement] = [.key("rules"), .index(index)]
            guard ids.insert(rule.id).inserted else {
                throw file.error(at: at + [.key("id")], "rule id '\(rule.id)' is used twice")
            }
            guard factTypes.contains(FactType(rawValue: rule.fact)) else {
                var reason = "unknown fact type '\(rule.fact)'"
                if let suggestion = YAMLFile.closest(rule.fact, among: factTypes.map(\.rawValue)) {
                    reason += "; did you mean '\(suggestion)'?"
                }
                reason +=
                    " (types: \(factTypes.map(\.rawValue).sorted().joined(separator: ", ")); a pack adds its own in fact_types)"
                throw file.error(at: at + [.key("fact")], reason)
            }
            if rule.value == nil || rule.targets != nil {
                try checkKinds(rule.targets ?? [], at: at + [.key("targets")])
            }
            if rule.value != nil, (rule.cues ?? []).isEmpty {
                throw file.error(
                    at: at + [.key("value")], "a rule with a fixed value needs cues (the phrase that states the fact)")
            }
            let roles = try roleMask(rule.roles, at: at + [.key("roles")])
            let excludedRoles = try roleMask(rule.excludeRoles, at: at + [.key("exclude_roles")])
            for (k, phrase) in (rule.cues ?? []).enumerated() {
                try addCue(
                    phrase, CueRole(kind: .cue, index: Int32(index), qualifier: -1), at: at + [.key("cues"), .index(k)])
            }
            for (k, phrase) in (rule.requires ?? []).enumerated() {
                try addCue(
                    phrase, CueRole(kind: .requirement, index: Int32(index), qualifier: -1),
                    at: at + [.key("requires"), .index(k)])
            }
            for (k, phrase) in (rule.blockedBy ?? []).enumerated() {
                try addCue(
                    phrase, CueRole(kind: .blocker, index: Int32(index), qualifier: -1),
                    at: at + [.key("blocked_by"), .index(k)])
            }
            var qualifiers: [Rule.Qualifier] = []
            for (name, qualifier) in (rule.qualifiers ?? [:]).sorted(by: { $0.key < $1.key }) {
                let qualifierPath = at + [.key("qualifiers"), .key(name)]
                try checkKinds(qualifier.targets, at: qualifierPath + [.key("targets")])
                for (k, phrase) in qualifier.cues.enumerated() {
                    let role = CueRole(kind: .qualifier, index: Int32(index), qualifier: Int32(qualifiers.count))
                    try addCue(phrase, role, at: qualifierPath + [.key("cues"), .index(k)])
                }
                qualifiers.append(
                    Rule.Qualifier(name: name, targets: lexicon.kindIDs(qualifier.targets), gap: qualifier.gap ?? 4))
            }
            compiled.append(
                Rule(rule, qualifiers: qualifiers, lexicon: lexicon, roles: roles, excludedRoles: excludedRoles))
        }
        var sectionQualifiers: [SectionQualifierRule] = []
        for (index, qualifier) in (pack.sectionQualifiers ?? []).enumerated() {
            let at: [YAMLFile.PathElement] = [.key("section_qualifiers"), .index(index)]
            for (k, type) in (qualifier.facts ?? []).enumerated() where !factTypes.contains(FactType(rawValue: type)) {
                throw file.error(at: at + [.key("facts"), .index(k)], "unknown fact type '\(type)'")
            }
            for (k, phrase) in (qualifier.cues ?? []).enumerated() {
                try addCue(
                    phrase, CueRole(kind: .sentenceQualifier, index: Int32(index), qualifier: -1),
                    at: at + [.key("cues"), .index(k)])
            }
            sectionQualifiers.append(
                SectionQualifierRule(
                    name: qualifier.name, value: qualifier.value, sections: qualifier.sections ?? [],
                    roles: try roleMask(qualifier.roles, at: at + [.key("roles")]),
                    facts: Set((qualifier.facts ?? []).map(FactType.init(rawValue:)))))
        }
        if let gap = pack.listGap, gap < 1 { throw file.error(at: [.key("list_gap")], "list_gap must be at least 1") }
        rules = compiled
        sectionPhrases = SectionPhrases(rules: compiled)
        cueRoles = roles
        self.sectionQualifiers = sectionQualifiers
        listGap = pack.listGap ?? 7
        separators = pack.separators
        stops = pack.stops
        fillers = pack.fillers ?? []
    }

    /// Each distinct section phrase of the rules, and per rule the phrases it includes and
    /// excludes: made once, so a document's sections are searched for each phrase once.
    struct SectionPhrases: Sendable {
        var phrases: [[UInt8]] = []
        var included: [[Int]] = []
        var excluded: [[Int]] = []

        init(rules: [Rule]) {
            var index: [String: Int] = [:]
            func id(_ phrase: String) -> Int {
                if let known = index[phrase] { return known }
                index[phrase] = phrases.count
                phrases.append(Array(phrase.utf8))
                return phrases.count - 1
            }
            for rule in rules {
                included.append(rule.sections.map(id))
                excluded.append(rule.excludedSections.map(id))
            }
        }
    }

    /// List words go in last: they never shadow a term, cue or trigger (each layer matches apart).
    func addListWords(into phrases: inout PhraseAutomaton, vocabulary: inout Vocabulary) {
        for phrase in separators {
            phrases.add(phrase, payload: 1, layer: PhraseLayer.listWords, vocabulary: &vocabulary)
        }
        for phrase in stops { phrases.add(phrase, payload: 2, layer: PhraseLayer.listWords, vocabulary: &vocabulary) }
        for phrase in fillers { phrases.add(phrase, payload: 4, layer: PhraseLayer.listWords, vocabulary: &vocabulary) }
    }

    /// True when `mention` (a cue mention) is a plain cue of rule `rule`.
    @inline(__always)
    package func isCue(_ mention: Mention, of rule: Int) -> Bool {
        mention.entries.contains {
            let role = cueRoles[Int($0)]
            return role.kind == .cue && role.index == rule
        }
    }

    /// True when `mention` is one of rule `rule`'s `blocked_by` phrases.
    @inline(__always)
    package func isBlocker(_ mention: Mention, of rule: Int) -> Bool {
        mention.entries.contains {
            let role = cueRoles[Int($0)]
            return role.kind == .blocker && role.index == rule
        }
    }

    /// True when `mention` is one of rule `rule`'s required phrases.
    @inline(__always)
    package func isRequirement(_ mention: Mention, of rule: Int) -> Bool {
        mention.entries.contains {
            let role = cueRoles[Int($0)]
            return role.kind == .requirement && role.index == rule
        }
    }
}

extension LexiconIndex {
    /// Kinds rules may name even when no lexicon of the pipeline has entries of them (a small
    /// pipeline without an effects lexicon keeps the standard rule pack valid); any other kind
    /// must be in a lexicon, so a misspelt kind is an error.
    package static let standardKinds: Set<String> = [
        "drug", "brand", "class", "mechanism", "schedule", "condition", "effect", "substance", "dependence",
        "analyte", "abbreviation", "state", "therapeutic-use",
    ]
}
