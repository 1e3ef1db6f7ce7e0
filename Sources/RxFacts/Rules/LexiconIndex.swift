/// The lexicon compiled for matching: every variant of every entry in the term layer of the
/// shared automaton (payload: entry index), entry kinds as small integers, and the lookups the
/// stages need (which drugs a mention names, an entry by kind and name).
///
/// Immutable, and a class: every stage and helper that keeps it holds one reference, so copying
/// one of them (per sentence, in the tagger's helpers) retains one object, not every table.
package final class LexiconIndex: Sendable {
    package let lexicon: Lexicon
    /// Kind names; an entry's kind id indexes this list. `drug` is 0 and `brand` 1.
    package let kindNames: [String]
    private let kindIDByName: [String: UInt16]
    private let entryKind: [UInt16]
    /// The ingredient names each entry stands for (drug: itself; brand: its ingredients), one
    /// pool for all: entry `i`'s are `drugNamePool[drugNameStarts[i]..<drugNameStarts[i + 1]]`
    /// (no array per entry to allocate at start-up, none to retain per lookup).
    private let drugNamePool: [String]
    private let drugNameStarts: [Int32]
    /// First entry index per (kind, canonical), for lookups by name.
    private let entryIndex: NameTable
    static let drugKind: UInt16 = 0
    static let brandKind: UInt16 = 1

    /// An empty index (a pipeline without a `tag` stage).
    convenience init() {
        var phrases = PhraseAutomaton(layers: PhraseLayer.count)
        var vocabulary = Vocabulary()
        self.init(lexicon: Lexicon(), into: &phrases, vocabulary: &vocabulary)
    }

    convenience init(lexicon: Lexicon, into phrases: inout PhraseAutomaton, vocabulary: inout Vocabulary) {
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
    convenience init(lexicon: Lexicon) {
        self.init(lexicon: lexicon, names: NameTable(lexicon.entries))
    }

    /// The lookups with a name table built before (`KnowledgeCache` keeps it with the lexicon).
    init(lexicon: Lexicon, names: NameTable) {
        self.lexicon = lexicon
        entryIndex = names
        var kindNames: [String] = ["drug", "brand"]
        var kindIDByName: [String: UInt16] = ["drug": 0, "brand": 1]
        var entryKind = [UInt16](repeating: 0, count: lexicon.entries.count)
        var drugNamePool: [String] = []
        var drugNameStarts = [Int32](repeating: 0, count: lexicon.entries.count + 1)
        // Fields read in place (an entry copied would retain all seven), and one dictionary
        // lookup per run of entries of the same kind (a file's entries mostly share theirs).
        var lastKind = ""
        var lastID: UInt16 = 0
        for index in lexicon.entries.indices {
            let kind = lexicon.entries[index].kind
            if index == 0 || kind != lastKind {
                if let id = kindIDByName[kind] {
                    lastID = id
                } else {
                    kindNames.append(kind)
                    lastID = UInt16(kindNames.count - 1)
                    kindIDByName[kind] = lastID
                }
                lastKind = kind
            }
            entryKind[index] = lastID
            if lastID == Self.drugKind {
                drugNamePool.append(lexicon.entries[index].canonical)
            } else if lastID == Self.brandKind, let ingredients = lexicon.entries[index].attribute("ingredient") {
                for name in ingredients.split(separator: "|") { drugNamePool.append(String(name)) }
            }
            drugNameStarts[index + 1] = Int32(drugNamePool.count)
        }
        self.entryKind = entryKind
        self.drugNamePool = drugNamePool
        self.drugNameStarts = drugNameStarts
        self.kindNames = kindNames
        self.kindIDByName = kindIDByName
        kinds = Set(kindNames.indices.filter { $0 >= 2 || entryKind.contains(UInt16($0)) }.map { kindNames[$0] })
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

    /// The canonical name of entry `index`, read in place (no copy of the whole entry).
    package func canonical(ofEntry index: Int) -> String { lexicon.entries[index].canonical }

    /// The first code of entry `index`, read in place.
    package func firstCode(ofEntry index: Int) -> String? { lexicon.firstCode(ofEntry: index) }

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

    /// Indices of every entry of a kind with a canonical name, in lexicon order.
    package func entryIndices(kind: String, named canonical: String) -> [Int] {
        entryIndex.all(kind: kind, canonical: canonical, in: lexicon.entries)
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
    package func drugNames(of mention: Mention) -> ArraySlice<String> {
        for index in mention.entries where entryKind[Int(index)] == Self.drugKind { return drugNames(ofEntry: index) }
        for index in mention.entries where entryKind[Int(index)] == Self.brandKind { return drugNames(ofEntry: index) }
        return []
    }

    @inline(__always)
    func drugNames(ofEntry index: Int32) -> ArraySlice<String> {
        drugNamePool[Int(drugNameStarts[Int(index)])..<Int(drugNameStarts[Int(index) + 1])]
    }

    /// True when the mention is a brand and not also a drug name.
    package func isBrandOnly(_ mention: Mention) -> Bool {
        !mention.entries.contains { entryKind[Int($0)] == Self.drugKind }
            && mention.entries.contains { entryKind[Int($0)] == Self.brandKind }
    }
}

extension LexiconIndex {
    /// The entries per (kind, canonical name): open addressing over entry indices, so building it
    /// makes no key string per entry, with each entry linked to the next of the same name. The
    /// hash is FNV-1a over the name's bytes, the same in every process, so the table is kept in
    /// the compiled-knowledge artifact and a start reads it instead of hashing ~50,000 names.
    /// Names compare as Strings.
    package struct NameTable: Sendable {
        /// First entry per name, or -1.
        private var slots: [Int32]
        /// Per entry: the next entry of the same kind and canonical name, or -1.
        private var next: [Int32]
        private var mask: Int

        init(_ entries: [Lexicon.Entry]) {
            var size = 16
            while size < entries.count * 2 { size <<= 1 }
            slots = Array(repeating: -1, count: size)
            next = Array(repeating: -1, count: entries.count)
            mask = size - 1
            // The last entry of each name so far, by its first entry.
            var last: [Int32: Int32] = [:]
            for index in entries.indices {
                var slot = Self.slot(entries[index].kind, entries[index].canonical, mask)
                var first = -1
                while slots[slot] >= 0 {
                    let other = Int(slots[slot])
                    if entries[other].kind == entries[index].kind, entries[other].canonical == entries[index].canonical
                    {
                        first = other
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if first < 0 {
                    slots[slot] = Int32(index)
                } else {
                    next[Int(last[Int32(first)] ?? Int32(first))] = Int32(index)
                    last[Int32(first)] = Int32(index)
                }
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

        func all(kind: String, canonical: String, in entries: [Lexicon.Entry]) -> [Int] {
            guard var index = first(kind: kind, canonical: canonical, in: entries) else { return [] }
            var result = [index]
            while next[index] >= 0 {
                index = Int(next[index])
                result.append(index)
            }
            return result
        }

        private static func slot(_ kind: String, _ canonical: String, _ mask: Int) -> Int {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in kind.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0) &* 0x0000_0100_0000_01B3
            for byte in canonical.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return Int(truncatingIfNeeded: hash >> 7) & mask
        }

        /// Writes the table (`KnowledgeCache`).
        func write(to archive: inout ArchiveWriter) {
            archive.array(slots)
            archive.array(next)
        }

        /// Reads what `write(to:)` wrote, for a lexicon of `count` entries.
        init(reading archive: inout ArchiveReader, count: Int) throws(ArchiveReader.Corrupt) {
            slots = try archive.array(of: Int32.self)
            next = try archive.array(of: Int32.self)
            mask = slots.count - 1
            guard slots.count >= 16, slots.count & mask == 0, next.count == count,
                slots.allSatisfy({ $0 < count }), next.allSatisfy({ $0 < count })
            else { throw ArchiveReader.Corrupt() }
        }
    }
}
