/// The lexicon compiled for matching: every variant of every entry in the term layer of the
/// shared automaton (payload: entry index), entry kinds as small integers, and the lookups the
/// stages need (which drugs a mention names, an entry by kind and name).
package struct LexiconIndex: Sendable {
    package let lexicon: Lexicon
    /// Kind names; an entry's kind id indexes this list. `drug` is 0 and `brand` 1.
    package let kindNames: [String]
    private let kindIDByName: [String: UInt16]
    private let entryKind: [UInt16]
    /// Per entry: the ingredient names it stands for (drug: itself; brand: its ingredients).
    private let entryDrugNames: [[String]]
    /// First entry index per (kind, canonical), for lookups by name.
    private let entryIndex: NameTable
    static let drugKind: UInt16 = 0
    static let brandKind: UInt16 = 1

    /// An empty index (a pipeline without a `tag` stage).
    init() {
        var phrases = PhraseAutomaton(layers: PhraseLayer.count)
        var vocabulary = Vocabulary()
        self.init(lexicon: Lexicon(), into: &phrases, vocabulary: &vocabulary)
    }

    init(lexicon: Lexicon, into phrases: inout PhraseAutomaton, vocabulary: inout Vocabulary) {
        self.init(lexicon: lexicon)
        Self.addTerms(of: lexicon, into: &phrases, vocabulary: &vocabulary)
    }

    /// Adds every variant of every entry to the term layer (payload: entry index).
    static func addTerms(of lexicon: Lexicon, into phrases: inout PhraseAutomaton, vocabulary: inout Vocabulary) {
        for (index, entry) in lexicon.entries.enumerated() {
            for variant in entry.variants {
                phrases.add(variant, payload: Int32(index), layer: PhraseLayer.terms, vocabulary: &vocabulary)
            }
        }
    }

    /// The lookups over a lexicon whose terms are already in the automaton (`KnowledgeCache`).
    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        entryIndex = NameTable(lexicon.entries)
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
    }

    /// Kinds some entry has.
    package let kinds: Set<String>

    /// Ids of kind names; a kind no lexicon entry has gets an id that matches nothing.
    package func kindIDs(_ names: [String]) -> [UInt16] {
        names.map { kindIDByName[$0] ?? UInt16.max }
    }

    /// The kind id of entry `index`.
    @inline(__always)
    func kindID(ofEntry index: Int32) -> UInt16 { entryKind[Int(index)] }

    /// Index of the first entry of a mention whose kind is one of `kinds` (in `kinds` order).
    @inline(__always)
    package func entryIndex(of mention: Mention, kinds: [UInt16]) -> Int? {
        for kind in kinds {
            for index in mention.entries where entryKind[Int(index)] == kind { return Int(index) }
        }
        return nil
    }

    /// The index of the entry of a kind with a canonical name.
    package func entryIndex(kind: String, named canonical: String) -> Int? {
        entryIndex.first(kind: kind, canonical: canonical, in: lexicon.entries)
    }

    /// The entry of a kind with a canonical name, e.g. `entry(kind: "drug", named: "diazepam")`.
    package func entry(kind: String, named canonical: String) -> Lexicon.Entry? {
        entryIndex.first(kind: kind, canonical: canonical, in: lexicon.entries).map { lexicon.entries[$0] }
    }

    /// Entries of a term mention, in lexicon order.
    @inline(__always)
    package func entries(of mention: Mention) -> [Lexicon.Entry] {
        mention.entries.map { lexicon.entries[Int($0)] }
    }

    /// The first entry of a mention whose kind is one of `kinds` (in `kinds` order).
    package func entry(of mention: Mention, kinds: [String]) -> Lexicon.Entry? {
        entryIndex(of: mention, kinds: kindIDs(kinds)).map { lexicon.entries[$0] }
    }

    /// Canonical ingredient names a mention stands for when it names a drug or brand.
    @inline(__always)
    package func drugNames(of mention: Mention) -> [String] {
        for index in mention.entries where entryKind[Int(index)] == Self.drugKind { return entryDrugNames[Int(index)] }
        for index in mention.entries where entryKind[Int(index)] == Self.brandKind { return entryDrugNames[Int(index)] }
        return []
    }

    /// True when the mention is a brand and not also a drug name.
    package func isBrandOnly(_ mention: Mention) -> Bool {
        !mention.entries.contains { entryKind[Int($0)] == Self.drugKind }
            && mention.entries.contains { entryKind[Int($0)] == Self.brandKind }
    }
}

extension LexiconIndex {
    /// The first entry index per (kind, canonical name): open addressing over entry indices, so
    /// building it at start-up makes no key string per entry (a `[String: Int]` keyed by
    /// "kind\0canonical" did, ~50,000 of them). Names compare as Strings, as the dictionary did.
    struct NameTable: Sendable {
        private var slots: [Int32]
        private let mask: Int

        init(_ entries: [Lexicon.Entry]) {
            var size = 16
            while size < entries.count * 2 { size <<= 1 }
            slots = Array(repeating: -1, count: size)
            mask = size - 1
            // Fields read in place: copying an entry would retain all seven of them.
            for index in entries.indices {
                var slot = Self.slot(entries[index].kind, entries[index].canonical, mask)
                var known = false
                while slots[slot] >= 0 {
                    let other = Int(slots[slot])
                    if entries[other].kind == entries[index].kind, entries[other].canonical == entries[index].canonical
                    {
                        known = true
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if !known { slots[slot] = Int32(index) }
            }
        }

        func first(kind: String, canonical: String, in entries: [Lexicon.Entry]) -> Int? {
            var slot = Self.slot(kind, canonical, mask)
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                if entries[index].kind == kind, entries[index].canonical == canonical { return index }
                slot = (slot + 1) & mask
            }
            return nil
        }

        private static func slot(_ kind: String, _ canonical: String, _ mask: Int) -> Int {
            var hasher = Hasher()
            hasher.combine(kind)
            hasher.combine(canonical)
            return hasher.finalize() & mask
        }
    }
}
