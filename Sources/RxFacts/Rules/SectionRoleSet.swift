/// Section roles, read from a `rxfacts-sections/1` YAML file (`Pipelines/rules/sections.yaml`,
/// named by the `segment` stage): what a part of a leaflet is for — indication, contraindication,
/// interaction, food-and-alcohol, warning, adverse reactions, withdrawal… — by heading pattern,
/// LOINC code, or the lead-in of a list.
package struct SectionRolePack: Codable, Sendable {
    package var schema: String?
    package var roles: [Role]

    /// One role and how to recognise it.
    package struct Role: Codable, Sendable {
        package var role: String
        /// Heading patterns (lower case, `*` for any words).
        package var headings: [String]?
        /// SPL section LOINC codes.
        package var codes: [String]?
        /// Phrases that, in a sentence ending with ':', give the list after it this role.
        package var leadIns: [String]?
        /// Phrases that, in a lead-in, take this role from its list even where the section has it
        /// ("Tell your doctor if you are taking:" under "Do not take X with:" is advice, not a ban).
        package var notInLeadIns: [String]?

        enum CodingKeys: String, CodingKey {
            case role, headings, codes
            case leadIns = "lead_ins"
            case notInLeadIns = "not_in_lead_ins"
        }
    }

    static let shape: YAMLShape = .mapping([
        "schema": .scalar,
        "roles": .list(
            .mapping([
                "role": .scalar, "headings": .list(.scalar), "codes": .list(.scalar), "lead_ins": .list(.scalar),
                "not_in_lead_ins": .list(.scalar),
            ])),
    ])
}

/// Section roles compiled: role names as bits of a `RoleMask`, heading patterns, codes and
/// lead-in phrases. Used by the segmenter to give sections and list items their roles and by
/// the fact rules (`roles:`, `exclude_roles:`) to decide where they apply.
public struct SectionRoleSet: Sendable {
    /// A set of roles, one bit per role in `names` order.
    public typealias RoleMask = UInt32

    package let names: [String]
    let headingPatterns: [(pattern: [String], mask: RoleMask)]
    /// The same patterns as UTF-8 bytes, matched without building a `String` per heading line;
    /// nil when a pattern is not ASCII (then `matches(_:_:)` on Strings decides).
    let headingPatternBytes: [(parts: [[UInt8]], oneWord: Bool, mask: RoleMask)]?
    /// Indices into `headingPatternBytes` by the first byte a heading must start with (patterns
    /// that start with `*` are in `anywhereWords`). Most heading-like lines start
    /// no pattern at all.
    let headingPatternsByFirstByte: [[Int]]
    /// Patterns that start with `*` ("*side effects"), with the index of their first word among
    /// their parts, by that word's first byte: one scan of a heading finds where each word first
    /// occurs, for all of them at once.
    let anywhereWords: ByteBuckets<AnywhereWord>
    let codes: [String: RoleMask]
    /// Lower-case lead-in phrases (their bytes in `leadInBytes`) with the role they give, or take
    /// away when `cancels` (`not_in_lead_ins`), by first byte: one scan of a lead-in sentence
    /// finds them all.
    let leadIns: ByteBuckets<LeadIn>
    let leadInBytes: [UInt8]
    /// Roles given and taken by empty lead-in phrases (found in every sentence).
    let emptyLeadIns: (add: RoleMask, remove: RoleMask)

    /// No roles (a pipeline whose `segment` stage names no roles file).
    package init() {
        names = []
        headingPatterns = []
        headingPatternBytes = []
        headingPatternsByFirstByte = Array(repeating: [], count: 256)
        anywhereWords = ByteBuckets([])
        codes = [:]
        leadIns = ByteBuckets([])
        leadInBytes = []
        emptyLeadIns = (0, 0)
    }

    init(_ pack: SectionRolePack, file: YAMLFile) throws(InputError) {
        guard pack.roles.count <= RoleMask.bitWidth else {
            throw file.error(at: [.key("roles")], "at most \(RoleMask.bitWidth) roles")
        }
        var names: [String] = []
        var headingPatterns: [(pattern: [String], mask: RoleMask)] = []
        var codes: [String: RoleMask] = [:]
        var leadIns: [(UInt8, LeadIn)] = []
        var leadInBytes: [UInt8] = []
        var emptyLeadIns: (add: RoleMask, remove: RoleMask) = (0, 0)
        func addLeadIn(_ phrase: String, _ mask: RoleMask, cancels: Bool) {
            let bytes = Array(phrase.lowercased().utf8)
            if let first = bytes.first {
                let start = Int32(leadInBytes.count)
                leadInBytes.append(contentsOf: bytes)
                leadIns.append(
                    (first, LeadIn(start: start, end: Int32(leadInBytes.count), mask: mask, cancels: cancels)))
            } else if cancels {
                emptyLeadIns.remove |= mask
            } else {
                emptyLeadIns.add |= mask
            }
        }
        for (index, role) in pack.roles.enumerated() {
            let at: [YAMLFile.PathElement] = [.key("roles"), .index(index)]
            guard !names.contains(role.role) else {
                throw file.error(at: at + [.key("role")], "role '\(role.role)' is defined twice")
            }
            names.append(role.role)
            let bit = RoleMask(1) << RoleMask(index)
            for (k, heading) in (role.headings ?? []).enumerated() {
                let parts = heading.lowercased().split(separator: "*", omittingEmptySubsequences: false).map(
                    String.init)
                guard !heading.trimmingCharacters(in: .whitespaces).isEmpty,
                    parts.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
                else {
                    throw file.error(at: at + [.key("headings"), .index(k)], "a heading pattern needs a word")
                }
                headingPatterns.append((parts, bit))
            }
            for code in role.codes ?? [] { codes[code, default: 0] |= bit }
            for phrase in role.leadIns ?? [] { addLeadIn(phrase, bit, cancels: false) }
            for phrase in role.notInLeadIns ?? [] { addLeadIn(phrase, bit, cancels: true) }
        }
        self.names = names
        self.headingPatterns = headingPatterns
        self.headingPatternBytes =
            headingPatterns.allSatisfy({ $0.pattern.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } })
            ? headingPatterns.map { (pattern, mask) in (pattern.map { Array($0.utf8) }, !pattern[0].contains(" "), mask)
            }
            : nil
        var buckets: [[Int]] = Array(repeating: [], count: 256)
        var anywhere: [(UInt8, AnywhereWord)] = []
        for (index, pattern) in (headingPatternBytes ?? []).enumerated() {
            if let first = pattern.parts[0].first {
                buckets[Int(first)].append(index)
            } else if let word = pattern.parts.firstIndex(where: { !$0.isEmpty }) {
                let bytes = pattern.parts[word]
                anywhere.append(
                    (
                        bytes[0],
                        AnywhereWord(
                            pattern: Int32(index), word: Int32(word), length: Int32(bytes.count),
                            second: bytes.count > 1 ? Int16(bytes[1]) : -1)
                    ))
            }
        }
        headingPatternsByFirstByte = buckets
        anywhereWords = ByteBuckets(anywhere)
        self.codes = codes
        self.leadIns = ByteBuckets(leadIns)
        self.leadInBytes = leadInBytes
        self.emptyLeadIns = emptyLeadIns
    }

    /// The mask of role names; an unknown name is reported by the caller.
    package func mask(_ roles: [String]) -> RoleMask? {
        var mask: RoleMask = 0
        for role in roles {
            guard let index = names.firstIndex(of: role) else { return nil }
            mask |= RoleMask(1) << RoleMask(index)
        }
        return mask
    }

    /// Role names of a mask, in file order.
    package func names(of mask: RoleMask) -> [String] {
        names.indices.filter { mask & (RoleMask(1) << RoleMask($0)) != 0 }.map { names[$0] }
    }

    /// Roles of a section by its (lower-case) heading and code.
    package func roles(heading: String, code: String?) -> RoleMask {
        let mask = code.flatMap { codes[$0] } ?? 0
        return mask | roles(heading: Array(heading.utf8), skipping: mask)
    }

    /// Roles of a section by its lower-case heading as UTF-8 bytes, leaving out `skipping`.
    /// ASCII headings and patterns are matched on bytes (the segmenter asks this of every
    /// heading-like line); anything else through `matches(_:_:)` on Strings, with the same result.
    func roles(heading: [UInt8], skipping: RoleMask = 0) -> RoleMask {
        var mask = skipping
        guard let patterns = headingPatternBytes, heading.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            let string = String(decoding: heading, as: UTF8.self)
            for (pattern, bit) in headingPatterns where mask & bit == 0 && Self.matches(string, pattern) { mask |= bit }
            return mask & ~skipping
        }
        guard let first = heading.first else { return 0 }
        for index in headingPatternsByFirstByte[Int(first)] {
            let (parts, oneWord, bit) = patterns[index]
            if mask & bit == 0, Self.matches(heading, parts, oneWord: oneWord) { mask |= bit }
        }
        // "*word*more": the first occurrence of its first word, then the rest after it, as
        // `matches` reads it; each pattern is tried at that occurrence only.
        var tried: Set<Int32> = []
        let n = heading.count
        for i in 0..<n {
            for k in anywhereWords.indices(of: heading[i]) {
                let word = anywhereWords.items[k]
                let length = Int(word.length)
                // The first byte matched (the bucket); the second rejects most candidates.
                guard i + length <= n, word.second < 0 || heading[i + 1] == UInt8(truncatingIfNeeded: word.second),
                    !tried.contains(word.pattern)
                else { continue }
                let (parts, _, bit) = patterns[Int(word.pattern)]
                let bytes = parts[Int(word.word)]
                var j = 2
                while j < length, heading[i + j] == bytes[j] { j += 1 }
                guard j >= length else { continue }
                tried.insert(word.pattern)
                if mask & bit == 0, Self.follow(heading, parts[(Int(word.word) + 1)...], from: i + length) {
                    mask |= bit
                }
            }
        }
        return mask & ~skipping
    }

    /// `matches(_:_:)` for ASCII bytes: `oneWord` when the single part holds no space.
    static func matches(_ heading: [UInt8], _ parts: [[UInt8]], oneWord: Bool) -> Bool {
        if parts.count == 1 {
            let pattern = parts[0]
            guard heading.starts(with: pattern) else { return false }
            if heading.count == pattern.count { return true }
            let next = heading[pattern.count]
            if oneWord {
                return next == UInt8(ascii: ":") || next == UInt8(ascii: ",")
                    || (next == 0x20 && pattern.count + 1 < heading.count
                        && heading[pattern.count + 1] == UInt8(ascii: "("))
            }
            return (next | 0x20) &- 0x61 >= 26
        }
        return heading.starts(with: parts[0]) && follow(heading, parts.dropFirst(), from: parts[0].count)
    }

    /// Whether `parts` (the empty ones skipped) occur in `heading` in order from `from`, each at
    /// its first occurrence after the one before.
    static func follow(_ heading: [UInt8], _ parts: ArraySlice<[UInt8]>, from start: Int) -> Bool {
        var from = start
        for part in parts where !part.isEmpty {
            guard let end = heading.endOfFirst(part, from: from) else { return false }
            from = end
        }
        return true
    }

    /// True when `heading` matches a pattern split at its `*`s.
    static func matches(_ heading: String, _ parts: [String]) -> Bool {
        if parts.count == 1 {
            let pattern = parts[0]
            guard heading.hasPrefix(pattern) else { return false }
            if heading.count == pattern.count { return true }
            let rest = heading.dropFirst(pattern.count)
            // One word: the whole heading, or followed by ':' ',' ' (' ("common (may affect …)").
            if !pattern.contains(" ") { return rest.hasPrefix(":") || rest.hasPrefix(",") || rest.hasPrefix(" (") }
            return !(rest.first?.isLetter ?? false)
        }
        var remainder = Substring(heading)
        for (index, part) in parts.enumerated() where !part.isEmpty {
            if index == 0 {
                guard remainder.hasPrefix(part) else { return false }
                remainder = remainder.dropFirst(part.count)
            } else {
                guard let range = remainder.range(of: part) else { return false }
                remainder = remainder[range.upperBound...]
            }
        }
        return true
    }

    /// Roles a lead-in sentence gives its list items and roles it takes from them (its
    /// lower-cased bytes contain a lead-in phrase).
    func leadInRoles(_ text: [UInt8], _ range: Range<Int>) -> (add: RoleMask, remove: RoleMask) {
        var (add, remove) = emptyLeadIns
        for i in range {
            for index in leadIns.indices(of: Folding.lower(text[i])) {
                let leadIn = leadIns.items[index]
                let start = Int(leadIn.start)
                let count = Int(leadIn.end) - start
                guard (leadIn.cancels ? remove : add) & leadIn.mask != leadIn.mask, i + count <= range.upperBound
                else { continue }
                var k = 1
                while k < count, Folding.lower(text[i + k]) == leadInBytes[start + k] { k += 1 }
                guard k == count else { continue }
                if leadIn.cancels { remove |= leadIn.mask } else { add |= leadIn.mask }
            }
        }
        return (add & ~remove, remove)
    }
}

extension SectionRoleSet {
    /// The first word of a heading pattern that starts with `*`.
    struct AnywhereWord: BitwiseCopyable {
        var pattern: Int32
        /// Its index among the pattern's parts.
        var word: Int32
        var length: Int32
        /// Its second byte, -1 for a word of one byte.
        var second: Int16
    }

    /// A lead-in phrase: its bytes in `leadInBytes`, the roles it gives or (`cancels`) takes.
    struct LeadIn: BitwiseCopyable {
        var start: Int32
        var end: Int32
        var mask: RoleMask
        var cancels: Bool
    }
}

/// Items bucketed by a byte in one array, in the order they were given: a lookup is two reads,
/// with no array per bucket to retain and release at every byte of a scan.
struct ByteBuckets<Item: BitwiseCopyable>: Sendable where Item: Sendable {
    private let starts: [Int32]
    let items: [Item]

    init(_ pairs: [(UInt8, Item)]) {
        var counts = [Int32](repeating: 0, count: 257)
        for (byte, _) in pairs { counts[Int(byte) + 1] += 1 }
        for b in 0..<256 { counts[b + 1] += counts[b] }
        starts = counts
        var next = counts
        var items = [Item?](repeating: nil, count: pairs.count)
        for (byte, item) in pairs {
            items[Int(next[Int(byte)])] = item
            next[Int(byte)] += 1
        }
        self.items = items.map { $0! }
    }

    /// Indices into `items` of the items of `byte`.
    @inline(__always)
    func indices(of byte: UInt8) -> Range<Int> {
        Int(starts[Int(byte)])..<Int(starts[Int(byte) + 1])
    }
}

extension [UInt8] {
    /// The end of the first occurrence of `needle` at or after `from`.
    func endOfFirst(_ needle: [UInt8], from: Int) -> Int? {
        guard count - from >= needle.count else { return nil }
        var i = from
        while i <= count - needle.count {
            if self[i] == needle[0] {
                var k = 1
                while k < needle.count, self[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i + k }
            }
            i += 1
        }
        return nil
    }
}
