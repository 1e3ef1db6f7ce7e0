/// The lexicon compiled for matching: every variant of every entry in the term layer of the
/// shared automaton (payload: entry index), entry kinds as small integers, and the lookups the
/// stages need (which drugs a mention names, an entry by kind and name).
public struct LexiconIndex: Sendable {
    public let lexicon: Lexicon
    /// Kind names; an entry's kind id indexes this list. `drug` is 0 and `brand` 1.
    public let kindNames: [String]
    private let kindIDByName: [String: UInt16]
    private let entryKind: [UInt16]
    /// Per entry: the ingredient names it stands for (drug: itself; brand: its ingredients).
    private let entryDrugNames: [[String]]
    /// First entry index per (kind, canonical), for lookups by name.
    private let entryIndex: [String: Int]
    static let drugKind: UInt16 = 0
    static let brandKind: UInt16 = 1

    /// An empty index (a pipeline without a `tag` stage).
    init() {
        var phrases = PhraseAutomaton(layers: PhraseLayer.count)
        var vocabulary = Vocabulary()
        self.init(lexicon: Lexicon(), into: &phrases, vocabulary: &vocabulary)
    }

    init(lexicon: Lexicon, into phrases: inout PhraseAutomaton, vocabulary: inout Vocabulary) {
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
        entryKind = lexicon.entries.map { kindID($0.kind) }
        entryDrugNames = lexicon.entries.map { $0.kind == "drug" || $0.kind == "brand" ? $0.ingredients : [] }
        self.kindNames = kindNames
        self.kindIDByName = kindIDByName
        kinds = Set(lexicon.entries.map(\.kind))
        for (index, entry) in lexicon.entries.enumerated() {
            for variant in entry.variants {
                phrases.add(variant, payload: Int32(index), layer: PhraseLayer.terms, vocabulary: &vocabulary)
            }
        }
    }

    /// Kinds some entry has.
    public let kinds: Set<String>

    /// Ids of kind names; a kind no lexicon entry has gets an id that matches nothing.
    public func kindIDs(_ names: [String]) -> [UInt16] {
        names.map { kindIDByName[$0] ?? UInt16.max }
    }

    /// The kind id of entry `index`.
    @inline(__always)
    func kindID(ofEntry index: Int32) -> UInt16 { entryKind[Int(index)] }

    /// Index of the first entry of a mention whose kind is one of `kinds` (in `kinds` order).
    @inline(__always)
    public func entryIndex(of mention: Mention, kinds: [UInt16]) -> Int? {
        for kind in kinds {
            for index in mention.entries where entryKind[Int(index)] == kind { return Int(index) }
        }
        return nil
    }

    /// The index of the entry of a kind with a canonical name.
    public func entryIndex(kind: String, named canonical: String) -> Int? {
        entryIndex[kind + "\u{0}" + canonical]
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
        for index in mention.entries where entryKind[Int(index)] == Self.drugKind { return entryDrugNames[Int(index)] }
        for index in mention.entries where entryKind[Int(index)] == Self.brandKind { return entryDrugNames[Int(index)] }
        return []
    }

    /// True when the mention is a brand and not also a drug name.
    public func isBrandOnly(_ mention: Mention) -> Bool {
        !mention.entries.contains { entryKind[Int($0)] == Self.drugKind }
            && mention.entries.contains { entryKind[Int($0)] == Self.brandKind }
    }
}
