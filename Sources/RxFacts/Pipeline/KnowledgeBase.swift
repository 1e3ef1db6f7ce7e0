/// Lexicons, fact rules and context rules compiled once into automata over one shared
/// vocabulary. Immutable and `Sendable`: one instance serves every document and thread.
///
/// A class, not a struct: every stage holds it, and one reference is cheaper to hand around
/// than a struct of several dozen arrays (copying that struct cost retains per call).
public final class KnowledgeBase: Sendable {
    /// What a cue phrase means to a rule.
    public enum CueRole: Sendable, Hashable {
        case cue(rule: Int)
        case requirement(rule: Int)
        case qualifier(rule: Int, name: String)
        /// Gives the facts of its sentence the section qualifier at this index.
        case sentenceQualifier(Int)
    }

    /// A section qualifier with its fact types resolved (see `SectionQualifier`).
    public struct CompiledSectionQualifier: Sendable {
        public let name: String
        public let value: String
        public let sections: [String]
        /// Empty: every fact type.
        public let facts: Set<FactType>

        public func applies(to type: FactType) -> Bool { facts.isEmpty || facts.contains(type) }
    }

    /// A context trigger or an anaphor.
    public struct TriggerInfo: Sendable, Hashable {
        public enum Category: Sendable, Hashable {
            case negated, hedged, conditional, existing, pseudo, terminate, anaphor
            /// A brand-link phrase; `direction` is `.backward` when the brand stands before it.
            case brandLink
        }
        public var category: Category
        public var direction: ContextRules.Direction
        public var window: Int
        public var literal: String
    }

    /// A rule with its kinds resolved.
    /// (A class: the matcher reads rules in its inner loop, and one reference is cheaper to
    /// pass around than a struct of arrays and strings.)
    public final class CompiledRule: Sendable {
        public let id: String
        public let fact: FactType
        public let hasCues: Bool
        public let targetKinds: [String]
        /// `targetKinds` as kind ids (see `KnowledgeBase.kindIDs(_:)`).
        public let targetKindIDs: [UInt16]
        public let gap: Int
        public let list: Bool
        public let subject: FactRule.SubjectMode
        public let negatable: Bool
        public let conditionalHedges: Bool
        public let skipExisting: Bool
        public let hasRequirements: Bool
        public let sections: [String]
        public let excludedSections: [String]
        public let excludeSubject: Bool
        public let qualifiers: [Qualifier]

        public struct Qualifier: Sendable {
            public let name: String
            public let targets: [UInt16]
            public let gap: Int
        }

        init(id: String, fact: FactType, hasCues: Bool, targetKinds: [String], targetKindIDs: [UInt16], gap: Int, list: Bool,
             subject: FactRule.SubjectMode, negatable: Bool, conditionalHedges: Bool = true, skipExisting: Bool = false, hasRequirements: Bool, sections: [String], excludedSections: [String] = [], excludeSubject: Bool,
             qualifiers: [(String, [UInt16], Int)]) {
            self.id = id
            self.fact = fact
            self.hasCues = hasCues
            self.targetKinds = targetKinds
            self.targetKindIDs = targetKindIDs
            self.gap = gap
            self.list = list
            self.subject = subject
            self.negatable = negatable
            self.conditionalHedges = conditionalHedges
            self.skipExisting = skipExisting
            self.hasRequirements = hasRequirements
            self.sections = sections
            self.excludedSections = excludedSections
            self.excludeSubject = excludeSubject
            self.qualifiers = qualifiers.map { Qualifier(name: $0.0, targets: $0.1, gap: $0.2) }
        }
    }

    public let lexicon: Lexicon
    public let vocabulary: Vocabulary
    /// Every phrase in one automaton, in layers: lexicon terms, rule cues, context triggers
    /// and list words; the tagger scans each sentence once.
    public let phrases: PhraseAutomaton
    public static let termLayer = 0, cueLayer = 1, triggerLayer = 2, listWordLayer = 3
    /// Lexicon terms (payload: entry index).
    public var terms: PhraseLayer { PhraseLayer(knowledge: self, layer: Self.termLayer) }
    /// Rule cues (payload: index into `cueRoles`).
    public var cues: PhraseLayer { PhraseLayer(knowledge: self, layer: Self.cueLayer) }
    public let cueRoles: [CueRole]
    /// Per cue payload: the rule it belongs to and whether it is a plain cue (fast checks).
    public let cueRule: [Int32]
    public let cueIsTrigger: [Bool]
    public let cueIsRequirement: [Bool]
    /// Context triggers and anaphora (payload: index into `triggerInfo`).
    public var triggers: PhraseLayer { PhraseLayer(knowledge: self, layer: Self.triggerLayer) }
    public let triggerInfo: [TriggerInfo]
    /// Payload 1: separator, 2: stop.
    /// List separators (payload 1) and stop words (payload 2).
    public var listWords: PhraseLayer { PhraseLayer(knowledge: self, layer: Self.listWordLayer) }
    public let rules: [CompiledRule]
    public let sectionQualifiers: [CompiledSectionQualifier]
    /// Per cue payload: the index of the section qualifier it gives its sentence, or -1.
    public let cueSentenceQualifier: [Int32]
    /// Folded keys of "and" and "or" (for "physical or psychological dependence").
    public let coordinators: Set<Int32>
    /// First entry index per (kind, canonical), for lookups by name.
    private let entryIndex: [String: Int]
    /// Kind names and, per lexicon entry, its kind id: matching compares small integers.
    public let kindNames: [String]
    private let kindIDByName: [String: UInt16]
    private let entryKind: [UInt16]
    /// Per entry: the ingredient names it stands for (drug: itself; brand: its ingredients).
    private let entryDrugNames: [[String]]
    private let drugKind: UInt16
    private let brandKind: UInt16

    public init(lexicon: Lexicon, rules pack: RulePack, context: ContextRules) throws(InputError) {
        self.lexicon = lexicon
        var entryIndex: [String: Int] = [:]
        for (index, entry) in lexicon.entries.enumerated() where entryIndex[entry.kind + "\u{0}" + entry.canonical] == nil {
            entryIndex[entry.kind + "\u{0}" + entry.canonical] = index
        }
        self.entryIndex = entryIndex
        var kindNames: [String] = ["drug", "brand"]
        var kindIDByName: [String: UInt16] = ["drug": 0, "brand": 1]
        func kindID(_ name: String) -> UInt16 {
            if let id = kindIDByName[name] { return id }
            kindNames.append(name)
            kindIDByName[name] = UInt16(kindNames.count - 1)
            return UInt16(kindNames.count - 1)
        }
        self.entryKind = lexicon.entries.map { kindID($0.kind) }
        self.entryDrugNames = lexicon.entries.map { $0.kind == "drug" || $0.kind == "brand" ? $0.ingredients : [] }
        drugKind = 0
        brandKind = 1
        var vocabulary = Vocabulary()
        var phrases = PhraseAutomaton(layers: 4)
        for (index, entry) in lexicon.entries.enumerated() {
            for variant in entry.variants {
                phrases.add(variant, payload: Int32(index), layer: Self.termLayer, vocabulary: &vocabulary)
            }
        }
        var roles: [CueRole] = []
        var compiled: [CompiledRule] = []
        func addCue(_ phrase: String, _ role: CueRole) {
            let payload: Int32
            if let existing = roles.firstIndex(of: role) { payload = Int32(existing) } else {
                payload = Int32(roles.count)
                roles.append(role)
            }
            phrases.add(phrase, payload: payload, layer: Self.cueLayer, vocabulary: &vocabulary)
        }
        for (index, rule) in pack.rules.enumerated() {
            for phrase in rule.cues ?? [] { addCue(phrase, .cue(rule: index)) }
            for phrase in rule.requires ?? [] { addCue(phrase, .requirement(rule: index)) }
            var qualifiers: [(String, [UInt16], Int)] = []
            for (name, qualifier) in (rule.qualifiers ?? [:]).sorted(by: { $0.key < $1.key }) {
                for phrase in qualifier.cues { addCue(phrase, .qualifier(rule: index, name: name)) }
                qualifiers.append((name, qualifier.targets.map(kindID), qualifier.gap ?? 4))
            }
            compiled.append(CompiledRule(
                id: rule.id, fact: FactType(rawValue: rule.fact), hasCues: !(rule.cues ?? []).isEmpty,
                targetKinds: rule.targets, targetKindIDs: rule.targets.map(kindID), gap: rule.gap ?? 4, list: rule.list ?? true, subject: rule.subject ?? .any,
                negatable: rule.negatable ?? true, conditionalHedges: rule.conditionalHedges ?? true, skipExisting: rule.skipExisting ?? false, hasRequirements: !(rule.requires ?? []).isEmpty,
                sections: rule.sections ?? [], excludedSections: rule.excludeSections ?? [],
                excludeSubject: rule.excludeSubject ?? false, qualifiers: qualifiers))
        }
        var sectionQualifiers: [CompiledSectionQualifier] = []
        for (index, qualifier) in (pack.sectionQualifiers ?? []).enumerated() {
            for phrase in qualifier.cues ?? [] { addCue(phrase, .sentenceQualifier(index)) }
            sectionQualifiers.append(CompiledSectionQualifier(
                name: qualifier.name, value: qualifier.value, sections: qualifier.sections ?? [],
                facts: Set((qualifier.facts ?? []).map(FactType.init(rawValue:)))))
        }
        self.sectionQualifiers = sectionQualifiers
        var info: [TriggerInfo] = []
        let window = context.window ?? 8
        for trigger in context.triggers {
            let category: TriggerInfo.Category
            switch trigger.category {
            case .negated: category = .negated
            case .hedged: category = .hedged
            case .conditional: category = .conditional
            case .existing: category = .existing
            case .pseudo: category = .pseudo
            case .terminate: category = .terminate
            }
            phrases.add(trigger.literal, payload: Int32(info.count), layer: Self.triggerLayer, vocabulary: &vocabulary)
            info.append(TriggerInfo(category: category, direction: trigger.direction ?? .forward, window: trigger.window ?? window, literal: trigger.literal))
        }
        for phrase in context.anaphora {
            phrases.add(phrase, payload: Int32(info.count), layer: Self.triggerLayer, vocabulary: &vocabulary)
            info.append(TriggerInfo(category: .anaphor, direction: .forward, window: 0, literal: phrase))
        }
        for link in context.brandLinks ?? [] {
            phrases.add(link.literal, payload: Int32(info.count), layer: Self.triggerLayer, vocabulary: &vocabulary)
            info.append(TriggerInfo(category: .brandLink, direction: link.brand == .before ? .backward : .forward, window: 0, literal: link.literal))
        }
        for phrase in pack.separators { phrases.add(phrase, payload: 1, layer: Self.listWordLayer, vocabulary: &vocabulary) }
        for phrase in pack.stops { phrases.add(phrase, payload: 2, layer: Self.listWordLayer, vocabulary: &vocabulary) }
        let and = Array("and".utf8)
        let or = Array("or".utf8)
        coordinators = [vocabulary.intern(and, 0..<3, kind: .word), vocabulary.intern(or, 0..<2, kind: .word)]
        self.vocabulary = vocabulary
        self.phrases = phrases
        self.cueRoles = roles
        self.cueRule = roles.map {
            switch $0 {
            case .cue(let rule), .requirement(let rule), .qualifier(let rule, _): Int32(rule)
            case .sentenceQualifier: -1
            }
        }
        self.cueSentenceQualifier = roles.map { if case .sentenceQualifier(let index) = $0 { Int32(index) } else { -1 } }
        self.cueIsTrigger = roles.map { if case .cue = $0 { true } else { false } }
        self.cueIsRequirement = roles.map { if case .requirement = $0 { true } else { false } }
        self.triggerInfo = info
        self.rules = compiled
        self.kindNames = kindNames
        self.kindIDByName = kindIDByName
    }

    /// Ids of kind names; a kind no lexicon entry has gets an id that matches nothing.
    public func kindIDs(_ names: [String]) -> [UInt16] {
        names.map { kindIDByName[$0] ?? UInt16.max }
    }

    /// Index of the first entry of a mention whose kind is one of `kinds` (in `kinds` order).
    @inline(__always)
    public func entryIndex(of mention: Mention, kinds: [UInt16]) -> Int? {
        for kind in kinds {
            for index in mention.entries where entryKind[Int(index)] == kind { return Int(index) }
        }
        return nil
    }

    /// True when `mention` (a cue mention) is a plain cue of rule `rule`.
    @inline(__always)
    public func isCue(_ mention: Mention, of rule: Int) -> Bool {
        mention.entries.contains { cueIsTrigger[Int($0)] && cueRule[Int($0)] == rule }
    }

    /// True when `mention` is one of rule `rule`'s required phrases.
    @inline(__always)
    public func isRequirement(_ mention: Mention, of rule: Int) -> Bool {
        mention.entries.contains { cueIsRequirement[Int($0)] && cueRule[Int($0)] == rule }
    }

    /// The entry of a kind with a canonical name, e.g. `entry(kind: "drug", named: "diazepam")`.
    public func entry(kind: String, named canonical: String) -> Lexicon.Entry? {
        entryIndex[kind + "\u{0}" + canonical].map { lexicon.entries[$0] }
    }

    /// Entries of a term mention, in lexicon order.
    @inline(__always)
    public func entries(of mention: Mention) -> [Lexicon.Entry] {
        mention.entries.map { lexicon.entries[Int($0)] }
    }

    /// The first entry of a mention whose kind is one of `kinds` (in `kinds` order).
    public func entry(of mention: Mention, kinds: [String]) -> Lexicon.Entry? {
        entryIndex(of: mention, kinds: kindIDs(kinds)).map { lexicon.entries[$0] }
    }

    /// Canonical ingredient names a mention stands for when it names a drug or brand.
    @inline(__always)
    public func drugNames(of mention: Mention) -> [String] {
        for index in mention.entries where entryKind[Int(index)] == drugKind { return entryDrugNames[Int(index)] }
        for index in mention.entries where entryKind[Int(index)] == brandKind { return entryDrugNames[Int(index)] }
        return []
    }

    /// True when the mention is a brand and not also a drug name.
    public func isBrandOnly(_ mention: Mention) -> Bool {
        !mention.entries.contains { entryKind[Int($0)] == drugKind } && mention.entries.contains { entryKind[Int($0)] == brandKind }
    }
}
