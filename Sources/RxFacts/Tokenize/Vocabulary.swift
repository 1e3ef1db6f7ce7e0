/// Interns the folded forms of the tokens that lexicon, rule and context phrases use,
/// and looks text tokens up without allocating.
///
/// Folding is ASCII lower-casing plus plural folding (`spasms` → `spasm`,
/// `therapies` → `therapy`; not `-ss`, `-us`, `-is`, nor short acronyms like `AIDS`), applied identically to phrases
/// at compile time and to text at match time, so both sides agree by construction.
package struct Vocabulary: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    /// Open addressing over `Slot`s: a slot holds the key's id, 24 bits of its hash with its
    /// length, and its first eight folded bytes, so most words (eight letters or fewer) are
    /// found by reading one slot, and a probe that meets another key reads no key bytes.
    private var slots: [Slot]
    private var mask: Int

    struct Slot: BitwiseCopyable {
        /// The key id, -1 for an empty slot.
        var id: Int32 = -1
        /// Hash bits 40–63 above the key's length (255 for 255 bytes or more).
        var tag: UInt32 = 0
        /// The key's first eight bytes, little-endian, zero-padded.
        var prefix: UInt64 = 0
    }

    package init() {
        slots = Array(repeating: Slot(), count: 1024)
        mask = 1023
    }

    @inline(__always)
    static func tag(hash: UInt64, length: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(min(length, 255))
    }

    /// Number of distinct folded keys.
    package var count: Int { keyStarts.count - 1 }

    /// The folded bytes of key `id` (for messages and tests).
    package func bytes(of id: Int32) -> ArraySlice<UInt8> {
        keyBytes[Int(keyStarts[Int(id)])..<Int(keyStarts[Int(id) + 1])]
    }

    /// Id of the folded form of `text[range]`, adding it if new.
    package mutating func intern(_ text: [UInt8], _ range: Range<Int>, kind: Token.Kind) -> Int32 {
        if let id = find(text, range, kind: kind) { return id }
        let fold = Folding.plan(text, range, kind: kind)
        for i in range.lowerBound..<fold.cut { keyBytes.append(Folding.lower(text[i])) }
        if fold.appendY { keyBytes.append(UInt8(ascii: "y")) }
        keyStarts.append(Int32(keyBytes.count))
        let id = Int32(count - 1)
        if count * 2 > slots.count { grow() } else { place(id, hash: fold.hash) }
        return id
    }

    /// Id of the folded form of `text[range]`, or nil when no phrase uses it.
    @inline(__always)
    package func find(_ text: [UInt8], _ range: Range<Int>, kind: Token.Kind) -> Int32? {
        let fold = Folding.plan(text, range, kind: kind)
        let length = fold.cut - range.lowerBound + (fold.appendY ? 1 : 0)
        let tag = Self.tag(hash: fold.hash, length: length)
        var slot = Int(truncatingIfNeeded: fold.hash) & mask
        while true {
            let entry = slots[slot]
            if entry.id < 0 { return nil }
            if entry.tag == tag, entry.prefix == fold.prefix,
                length <= 8 || matches(entry.id, text, range.lowerBound, fold)
            {
                return entry.id
            }
            slot = (slot + 1) & mask
        }
    }

    /// The bytes after the first eight, for keys longer than a slot's prefix.
    @inline(__always)
    private func matches(_ id: Int32, _ text: [UInt8], _ start: Int, _ fold: Folding.Plan) -> Bool {
        let keyStart = Int(keyStarts[Int(id)])
        let keyEnd = Int(keyStarts[Int(id) + 1])
        let length = fold.cut - start + (fold.appendY ? 1 : 0)
        guard keyEnd - keyStart == length else { return false }
        var k = keyStart
        var i = start
        while i < fold.cut {
            if keyBytes[k] != Folding.lower(text[i]) { return false }
            i += 1
            k += 1
        }
        return !fold.appendY || keyBytes[k] == UInt8(ascii: "y")
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let key = bytes(of: id)
        var prefix: UInt64 = 0
        for (n, byte) in key.prefix(8).enumerated() { prefix |= UInt64(byte) << (8 * n) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(id: id, tag: Self.tag(hash: hash, length: key.count), prefix: prefix)
    }

    private mutating func grow() {
        slots = Array(repeating: Slot(), count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count {
            let key = Array(bytes(of: Int32(id)))
            place(Int32(id), hash: Folding.hash(key))
        }
    }
}

/// Case and plural folding over UTF-8 bytes.
package enum Folding {
    struct Plan {
        /// Fold bytes `[start, cut)` lower-cased, then `y` if `appendY`.
        var cut: Int
        var appendY: Bool
        var hash: UInt64
        /// The first eight folded bytes, little-endian, zero-padded (as `Vocabulary.Slot.prefix`).
        var prefix: UInt64
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    static func plan(_ text: [UInt8], _ range: Range<Int>, kind: Token.Kind) -> Plan {
        var cut = range.upperBound
        var appendY = false
        let n = range.count
        // Short all-capital words are acronyms, not plurals: "AIDS" is not "aid". Only a word
        // of two letters or more has a letter before its last (a text may begin with "S").
        let acronym = n >= 2 && n <= 4 && text[cut - 1] == UInt8(ascii: "S") && text[cut - 2] &- 0x41 < 26
        if kind == .word, n >= 4, !acronym, lower(text[cut - 1]) == UInt8(ascii: "s") {
            let b2 = lower(text[cut - 2])
            if n >= 5, b2 == UInt8(ascii: "e"), lower(text[cut - 3]) == UInt8(ascii: "i") {
                cut -= 3
                appendY = true
            } else if b2 != UInt8(ascii: "s"), b2 != UInt8(ascii: "u"), b2 != UInt8(ascii: "i") {
                cut -= 1
            }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var prefix: UInt64 = 0
        var shift: UInt64 = 0
        for i in range.lowerBound..<cut {
            let byte = lower(text[i])
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            if shift < 64 {
                prefix |= UInt64(byte) << shift
                shift += 8
            }
        }
        if appendY {
            hash = (hash ^ UInt64(UInt8(ascii: "y"))) &* 0x0000_0100_0000_01B3
            if shift < 64 { prefix |= UInt64(UInt8(ascii: "y")) << shift }
        }
        return Plan(cut: cut, appendY: appendY, hash: hash, prefix: prefix)
    }

    /// Hash of an already folded key (same function as `plan` uses).
    static func hash(_ folded: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in folded { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The folded form of a word as a String (for tests and messages).
    package static func fold(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let kind: Token.Kind = bytes.first.map { $0 >= 0x30 && $0 <= 0x39 } == true ? .number : .word
        let plan = plan(bytes, 0..<bytes.count, kind: kind)
        var out = bytes[0..<plan.cut].map(lower)
        if plan.appendY { out.append(UInt8(ascii: "y")) }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Vocabulary {
    /// Writes the interned keys and their hash table (`KnowledgeCache`).
    func write(to archive: inout ArchiveWriter) {
        archive.array(keyBytes)
        archive.array(keyStarts)
        archive.array(slots)
        archive.int(mask)
    }

    /// Reads what `write(to:)` wrote.
    init(reading archive: inout ArchiveReader) throws(ArchiveReader.Corrupt) {
        self.init()
        // Room for the words rule phrases add after loading (see `PhraseAutomaton.init(reading:)`).
        keyBytes = try archive.array(of: UInt8.self, growing: true)
        keyStarts = try archive.array(of: Int32.self, growing: true)
        slots = try archive.array(of: Slot.self)
        mask = try archive.int()
        guard !keyStarts.isEmpty, keyStarts[0] == 0, Int(keyStarts[keyStarts.count - 1]) == keyBytes.count,
            zip(keyStarts, keyStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
            slots.count == mask + 1, mask & (mask + 1) == 0,
            slots.allSatisfy({ $0.id < keyStarts.count - 1 })
        else { throw ArchiveReader.Corrupt() }
    }
}
