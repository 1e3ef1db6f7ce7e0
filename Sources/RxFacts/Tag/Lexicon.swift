import Foundation

/// A set of concepts read from `rxfacts-lexicon/1` TSV files (see `Pipelines/LEXICON-FORMAT.md`).
package struct Lexicon: Sendable {
    /// One concept: its kind, canonical name, surface forms, codes and attributes.
    package struct Entry: Sendable, Hashable {
        package var kind: String
        package var canonical: String
        /// Surface forms. Kept tab-joined (no field of a TSV line holds a tab), as are `codes`
        /// and `attributes`, the three one after another in one string (`joined`): a start reads
        /// ~50,000 entries, and an artifact's entries are then slices of one string read at once,
        /// with no allocation each.
        package var variants: [String] {
            get { withBytes(0, codesStart, Self.split) }
            set {
                setJoined(
                    variants: Self.join(newValue), codes: part(codesStart, attributesStart),
                    attributes: part(attributesStart, joinedEnd))
            }
        }
        /// `system:code` strings in file order.
        package var codes: [String] {
            get { withBytes(codesStart, attributesStart, Self.split) }
            set {
                setJoined(
                    variants: part(0, codesStart), codes: Self.join(newValue),
                    attributes: part(attributesStart, joinedEnd))
            }
        }
        /// Variants, codes and attributes joined, each ending where the next starts.
        fileprivate private(set) var joined: Substring
        /// UTF-8 offsets in `joined` where the codes and the attributes start.
        fileprivate private(set) var codesStart: UInt32
        fileprivate private(set) var attributesStart: UInt32
        /// `name=value` attributes (see LEXICON-FORMAT.md). Kept as tab-joined sorted names and
        /// values, like `variants`: most entries have one or none, and a start then makes no
        /// dictionary per entry; `attribute(_:)` reads one without making any.
        package var attributes: [String: String] {
            get {
                withBytes(attributesStart, joinedEnd) { text in
                    var result: [String: String] = [:]
                    Self.forEachAttribute(in: text) {
                        result[String(decoding: $0, as: UTF8.self)] = String(decoding: $1, as: UTF8.self)
                    }
                    return result
                }
            }
            set {
                setJoined(
                    variants: part(0, codesStart), codes: part(codesStart, attributesStart),
                    attributes: Self.joinAttributes(newValue))
            }
        }
        /// Where the attributes end: the end of `joined`.
        private var joinedEnd: UInt32 { UInt32(joined.utf8.count) }
        /// The file the entry came from (one string shared by every entry of the file) and its
        /// 1-based line, 0 when unknown.
        package var file: String
        package var line: Int

        /// `file:line` the entry came from, for messages (made on demand: a lexicon has ~100,000
        /// entries and one string each would cost start-up time).
        package var origin: String {
            get { line > 0 ? "\(file):\(line)" : file }
            set {
                file = newValue
                line = 0
            }
        }

        package init(
            kind: String, canonical: String, variants: [String], codes: [String] = [],
            attributes: [String: String] = [:], origin: String = ""
        ) {
            self.init(
                kind: kind, canonical: canonical, variants: variants, codes: codes, attributes: attributes,
                file: origin, line: 0)
        }

        init(
            kind: String, canonical: String, variants: [String], codes: [String], attributes: [String: String],
            file: String, line: Int
        ) {
            let variants = Self.join(variants)
            let codes = Self.join(codes)
            self.init(
                kind: kind, canonical: canonical, joined: Substring(variants + codes + Self.joinAttributes(attributes)),
                codesStart: UInt32(variants.utf8.count),
                attributesStart: UInt32(variants.utf8.count + codes.utf8.count),
                file: file, line: line)
        }

        /// An entry whose forms, codes and attributes are already joined (read from an artifact).
        fileprivate init(
            kind: String, canonical: String, joined: Substring, codesStart: UInt32, attributesStart: UInt32,
            file: String, line: Int
        ) {
            self.kind = kind
            self.canonical = canonical
            self.joined = joined
            self.codesStart = codesStart
            self.attributesStart = attributesStart
            self.file = file
            self.line = line
        }

        /// The text of `joined` from offset `start` to `end` (one of the three parts), as a string.
        private func part(_ start: UInt32, _ end: UInt32) -> String {
            withBytes(start, end) { String(decoding: $0, as: UTF8.self) }
        }

        private mutating func setJoined(variants: String, codes: String, attributes: String) {
            joined = Substring(variants + codes + attributes)
            codesStart = UInt32(variants.utf8.count)
            attributesStart = codesStart + UInt32(codes.utf8.count)
        }

        /// The value of attribute `name`, read in place.
        package func attribute(_ name: String) -> String? {
            var name = name
            return name.withUTF8 { wanted in
                withBytes(attributesStart, joinedEnd) { text -> String? in
                    var found: String?
                    Self.forEachAttribute(in: text) { key, value in
                        guard found == nil, key.elementsEqual(wanted) else { return }
                        found = String(decoding: value, as: UTF8.self)
                    }
                    return found
                }
            }
        }

        /// Calls `body` with each name and value of tab-joined attribute bytes, in name order,
        /// without making a list of them (tabs found in the bytes: a search by Character walks
        /// grapheme clusters, many times slower).
        private static func forEachAttribute(
            in text: UnsafeBufferPointer<UInt8>,
            _ body: (Slice<UnsafeBufferPointer<UInt8>>, Slice<UnsafeBufferPointer<UInt8>>) -> Void
        ) {
            guard !text.isEmpty else { return }
            var start = text.startIndex
            var name: Slice<UnsafeBufferPointer<UInt8>>?
            while true {
                let end = text[start...].firstIndex(of: 0x09) ?? text.endIndex
                if let key = name {
                    body(key, text[start..<end])
                    name = nil
                } else {
                    name = text[start..<end]
                }
                guard end < text.endIndex else { break }
                start = end + 1
            }
        }

        /// Calls `body` with the UTF-8 bytes of `joined` from offset `start` to `end`.
        private func withBytes<R>(_ start: UInt32, _ end: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let result = joined.utf8.withContiguousStorageIfAvailable({
                body(UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]))
            }) {
                return result
            }
            return Array(joined.utf8)[Int(start)..<Int(end)].withUnsafeBufferPointer(body)
        }

        static func joinAttributes(_ attributes: [String: String]) -> String {
            attributes.keys.sorted().map { "\($0)\t\(attributes[$0] ?? "")" }.joined(separator: "\t")
        }

        /// The first code, without splitting the others.
        package var firstCode: String? {
            withBytes(codesStart, attributesStart) { codes in
                guard !codes.isEmpty else { return nil }
                return String(decoding: codes[..<(codes.firstIndex(of: 0x09) ?? codes.endIndex)], as: UTF8.self)
            }
        }

        static func join(_ items: [String]) -> String {
            items.count == 1 ? items[0] : items.joined(separator: "\t")
        }

        static func split(_ joined: UnsafeBufferPointer<UInt8>) -> [String] {
            guard !joined.isEmpty else { return [] }
            return joined.split(separator: 0x09, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
        }

        /// The first code of a system, e.g. `code(in: "rxcui")`.
        package func code(in system: String) -> String? {
            for code in codes where code.hasPrefix(system + ":") { return String(code.dropFirst(system.count + 1)) }
            return nil
        }

        /// Ingredients a brand stands for (`ingredient=a|b`), or the entry itself for a drug.
        package var ingredients: [String] {
            if kind == "brand" {
                return attribute("ingredient").map { $0.split(separator: "|").map(String.init) } ?? []
            }
            return [canonical]
        }
    }

    package private(set) var entries: [Entry] = []
    /// Spelling rules (`spelling` lines: `spelling	anemia	anaemia	-`): lower-case word →
    /// its other spellings, both directions. They are not concepts: no entry is made for them.
    package private(set) var spellings: [String: [String]] = [:]

    package init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Appends `other`'s spelling rules, then its entries with spelling variants added: each
    /// variant that contains a word with another spelling is also matched spelt that way
    /// ("estrogen" also as "oestrogen", "oedema" also as "edema"), so a UK leaflet matches a US
    /// vocabulary and the reverse. Rules apply to the files appended after them (a pipeline lists
    /// `spellings.tsv` first), never to rule cues.
    package mutating func append(contentsOf other: Lexicon) {
        for (word, alternatives) in other.spellings {
            for alternative in alternatives where !(spellings[word] ?? []).contains(alternative) {
                spellings[word, default: []].append(alternative)
            }
        }
        let first = entries.count
        entries.append(contentsOf: other.entries)
        guard !spellings.isEmpty else { return }
        // Most variants have no word with another spelling: a hash of each word's lower-case
        // bytes rejects them without making strings.
        let hashes = Set(spellings.keys.map { Self.wordHash(Array($0.utf8)[...]) })
        for index in first..<entries.count
        where entries[index].variants.contains(where: { Self.mayRespell($0, hashes) }) {
            entries[index].variants = Self.respelled(entries[index].variants, spellings)
        }
    }

    @inline(__always)
    static func isWordSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
    }

    /// FNV-1a over ASCII-lower-cased bytes.
    @inline(__always)
    static func wordHash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    static func mayRespell(_ variant: String, _ hashes: Set<UInt64>) -> Bool {
        // Native strings are contiguous; any other string is simply respelt.
        variant.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            var start = 0
            for i in 0...buffer.count {
                if i == buffer.count || isWordSeparator(buffer[i]) {
                    if i > start {
                        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                        for k in start..<i {
                            let byte = buffer[k]
                            hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3
                        }
                        if hashes.contains(hash) { return true }
                    }
                    start = i + 1
                }
            }
            return false
        } ?? true
    }

    /// `variants` plus each variant with its words respelt (at most 8 forms per variant).
    static func respelled(_ variants: [String], _ spellings: [String: [String]]) -> [String] {
        var result = variants
        var seen = Set(variants)
        for variant in variants {
            let bytes = Array(variant.utf8)
            var forms = [""]
            var changed = false
            var start = 0
            for i in 0...bytes.count where i == bytes.count || isWordSeparator(bytes[i]) {
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                let separator = i < bytes.count ? String(UnicodeScalar(bytes[i])) : ""
                if !word.isEmpty, let alternatives = spellings[word.lowercased()],
                    forms.count * (alternatives.count + 1) <= 8
                {
                    forms = forms.flatMap { form in
                        [form + word + separator] + alternatives.map { form + $0 + separator }
                    }
                    changed = true
                } else {
                    forms = forms.map { $0 + word + separator }
                }
                start = i + 1
            }
            guard changed else { continue }
            for form in forms where seen.insert(form).inserted { result.append(form) }
        }
        return result
    }

    /// Reads a lexicon file; every malformed line is reported with file, line and column.
    package static func load(contentsOf path: String) throws(InputError) -> Lexicon {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.configuration, path: path, reason: "cannot read lexicon file")
        }
        return try parse([UInt8](data), path: path)
    }

    /// Parses TSV bytes with the one `rxfacts-lexicon/1` grammar (`Pipelines/LEXICON-FORMAT.md`);
    /// `path` names the file in errors. The runtime and `rxfacts lexicon check` both use it, so a
    /// file that checks is a file that loads. Works on bytes (no Foundation string calls): the
    /// full lexicons are ~100,000 lines and load at every start.
    package static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> Lexicon {
        var entries: [Entry] = []
        var spellings: [String: [String]] = [:]
        entries.reserveCapacity(bytes.count / 80)
        var lineNumber = 0
        var lineStart = 0
        // A UTF-8 byte order mark is not part of the first line.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = 3 }
        while lineStart < bytes.count {
            lineNumber += 1
            var index = lineStart
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            var lineEnd = index
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = lineStart..<lineEnd
            lineStart = index + 1
            if let bad = invalidUTF8(bytes, line) {
                throw InputError(
                    .configuration, path: path, line: lineNumber, column: bad - line.lowerBound + 1,
                    reason: "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true))")
            }
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            if bytes[line].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let entry = try parseLine(bytes, line, path: path, line: lineNumber)
            if entry.kind == "spelling" {
                let forms = entry.variants.map { $0.lowercased() }
                for form in forms {
                    for other in forms where other != form && !(spellings[form] ?? []).contains(other) {
                        spellings[form, default: []].append(other)
                    }
                }
                continue
            }
            entries.append(entry)
        }
        var lexicon = Lexicon(entries: entries)
        lexicon.spellings = spellings
        return lexicon
    }

    /// The index where the first malformed UTF-8 sequence of `bytes[range]` starts (overlong
    /// forms, surrogates, values over U+10FFFF and truncated sequences are malformed), or nil.
    static func invalidUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            guard bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Parses one line given as text (for tools and tests).
    package static func parseLine(_ line: String, path: String, line number: Int) throws(InputError) -> Entry {
        let bytes = Array(line.utf8)
        return try parseLine(bytes, 0..<bytes.count, path: path, line: number)
    }

    /// Parses one non-comment line `bytes[line]` (valid UTF-8, no line break). Errors carry the
    /// 1-based byte column of the offending field or part.
    static func parseLine(
        _ bytes: [UInt8], _ line: Range<Int>, path: String, line number: Int
    ) throws(InputError) -> Entry {
        func fail(_ at: Int, _ reason: String) -> InputError {
            InputError(.configuration, path: path, line: number, column: at - line.lowerBound + 1, reason: reason)
        }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var a = range.lowerBound
            var b = range.upperBound
            while a < b, bytes[a] == 0x20 { a += 1 }
            while b > a, bytes[b - 1] == 0x20 { b -= 1 }
            return a..<b
        }
        func split(_ range: Range<Int>, on separator: UInt8) -> [Range<Int>] {
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            for i in range where bytes[i] == separator {
                parts.append(start..<i)
                start = i + 1
            }
            parts.append(start..<range.upperBound)
            return parts
        }
        /// Calls `body` with each `separator`-delimited part of `range`, without an array.
        func forEachPart(
            _ range: Range<Int>, on separator: UInt8, _ body: (Range<Int>) throws(InputError) -> Void
        ) throws(InputError) {
            var start = range.lowerBound
            var i = range.lowerBound
            while i < range.upperBound {
                if bytes[i] == separator {
                    try body(start..<i)
                    start = i + 1
                }
                i += 1
            }
            try body(start..<range.upperBound)
        }
        func isDash(_ range: Range<Int>) -> Bool { range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: "-") }
        /// Lower-case ASCII letters, digits and '-' (code systems, attribute keys).
        func isName(_ range: Range<Int>) -> Bool {
            !range.isEmpty && bytes[range].allSatisfy { $0 &- 0x61 < 26 || $0 &- 0x30 < 10 || $0 == UInt8(ascii: "-") }
        }
        let fields = split(line, on: 0x09)
        guard fields.count >= 4, fields.count <= 5 else {
            throw fail(
                fields.count > 5 ? fields[5].lowerBound : line.lowerBound,
                "expected 4 or 5 tab-separated columns (kind, canonical, variants, codes[, attributes]), found \(fields.count)"
            )
        }
        guard !fields[0].isEmpty, bytes[fields[0]].allSatisfy({ $0 &- 0x61 < 26 || $0 == UInt8(ascii: "-") }) else {
            throw fail(fields[0].lowerBound, "kind '\(string(fields[0]))' must be lower-case letters and '-'")
        }
        let kind = string(fields[0])
        let canonicalRange = trimmed(fields[1])
        guard !canonicalRange.isEmpty else { throw fail(fields[1].lowerBound, "canonical name is empty") }
        if let bar = bytes[canonicalRange].firstIndex(of: UInt8(ascii: "|")) {
            throw fail(bar, "canonical name holds '|': list other forms in the variants column")
        }
        let canonical = string(canonicalRange)
        var variants = [canonical]
        // De-duplication: a list search for the usual handful of variants, a set past 16 (a
        // line may list tens of thousands; the search alone would be quadratic).
        var seen: Set<String>? = nil
        var canonicalListed = false
        if !fields[2].isEmpty {
            try forEachPart(fields[2], on: UInt8(ascii: "|")) { part throws(InputError) in
                let range = trimmed(part)
                guard !range.isEmpty else {
                    throw fail(part.lowerBound, "empty variant (two '|' in a row, or a '|' at either end)")
                }
                let variant = string(range)
                if variant == canonical { canonicalListed = true }
                if seen == nil, variants.count > 16 { seen = Set(variants) }
                if seen == nil {
                    if !variants.contains(variant) { variants.append(variant) }
                } else if seen!.insert(variant).inserted {
                    variants.append(variant)
                }
            }
        }
        var codes: [String] = []
        let codeField = fields[3]
        if codeField.isEmpty { throw fail(codeField.lowerBound, "codes column is empty: write - for none") }
        if !isDash(codeField) {
            try forEachPart(codeField, on: 0x20) { part throws(InputError) in
                guard let colon = bytes[part].firstIndex(of: UInt8(ascii: ":")), isName(part.lowerBound..<colon),
                    colon + 1 < part.upperBound
                else {
                    throw fail(
                        part.lowerBound,
                        "code '\(string(part))' must be system:code (system lower-case letters, digits, '-'; one space between codes)"
                    )
                }
                codes.append(string(part))
            }
        }
        var attributes: [String: String] = [:]
        if fields.count == 5, !fields[4].isEmpty, !isDash(fields[4]) {
            for pair in split(fields[4], on: UInt8(ascii: ";")) {
                guard let equals = bytes[pair].firstIndex(of: UInt8(ascii: "=")), isName(pair.lowerBound..<equals),
                    equals + 1 < pair.upperBound
                else {
                    throw fail(
                        pair.lowerBound,
                        "attribute '\(string(pair))' must be key=value (key lower-case letters, digits, '-'; value not empty)"
                    )
                }
                let key = string(pair.lowerBound..<equals)
                let value = (equals + 1)..<pair.upperBound
                if let empty = split(value, on: UInt8(ascii: "|")).first(where: \.isEmpty) {
                    throw fail(empty.lowerBound, "attribute '\(key)' has an empty list value")
                }
                guard attributes.updateValue(string(value), forKey: key) == nil else {
                    throw fail(pair.lowerBound, "attribute '\(key)' is given twice")
                }
            }
        }
        // `match=variants`: the canonical name is a label only ("CI" is also "confidence interval").
        if let match = attributes["match"] {
            guard match == "variants" else {
                throw fail(fields[4].lowerBound, "match='\(match)': the only value is 'variants'")
            }
            if !canonicalListed { variants.removeFirst() }
            guard !variants.isEmpty else {
                throw fail(fields[2].lowerBound, "match=variants needs at least one variant")
            }
        }
        if kind == "brand" && attributes["ingredient"] == nil {
            throw fail(
                fields.count == 5 ? fields[4].lowerBound : line.upperBound,
                "brand '\(canonical)' needs an ingredient= attribute")
        }
        return Entry(
            kind: kind, canonical: canonical, variants: variants, codes: codes, attributes: attributes, file: path,
            line: number)
    }
}

extension Lexicon {
    /// Writes entries and spelling rules (`KnowledgeCache`); kinds and file names once each.
    func write(to archive: inout ArchiveWriter) {
        var kinds: [String: Int] = [:]
        var files: [String: Int] = [:]
        var kindList: [String] = []
        var fileList: [String] = []
        for entry in entries {
            if kinds[entry.kind] == nil {
                kinds[entry.kind] = kindList.count
                kindList.append(entry.kind)
            }
            if files[entry.file] == nil {
                files[entry.file] = fileList.count
                fileList.append(entry.file)
            }
        }
        // Per entry: kind, file, line and where its text ends; the texts (canonical name, then
        // the joined forms, codes and attributes) one after another in one block, read back as
        // one string whose slices the entries keep.
        var kindIndex: [Int32] = []
        var fileIndex: [Int32] = []
        var lines: [Int32] = []
        var canonicalEnds: [UInt32] = []
        var joinedEnds: [UInt32] = []
        var codesStarts: [UInt32] = []
        var attributesStarts: [UInt32] = []
        var text: [UInt8] = []
        for entry in entries {
            kindIndex.append(Int32(kinds[entry.kind] ?? 0))
            fileIndex.append(Int32(files[entry.file] ?? 0))
            lines.append(Int32(clamping: entry.line))
            text.append(contentsOf: entry.canonical.utf8)
            canonicalEnds.append(UInt32(text.count))
            text.append(contentsOf: entry.joined.utf8)
            joinedEnds.append(UInt32(text.count))
            codesStarts.append(entry.codesStart)
            attributesStarts.append(entry.attributesStart)
        }
        archive.strings(kindList)
        // Files by absolute path: a start from another directory reads them back by its own names.
        archive.strings(fileList.map(KnowledgeCache.canonicalPath))
        for column in [kindIndex, fileIndex, lines] { archive.array(column) }
        for column in [canonicalEnds, joinedEnds, codesStarts, attributesStarts] { archive.array(column) }
        archive.string(String(decoding: text, as: UTF8.self))
        let words = spellings.keys.sorted()
        archive.strings(words)
        for word in words { archive.strings(spellings[word] ?? []) }
    }

    /// Reads what `write(to:)` wrote; an entry's file (stored by absolute path) is named as
    /// `spelled` maps it, as if compiled from the files as this start names them.
    init(reading archive: inout ArchiveReader, spelled: [String: String] = [:]) throws(ArchiveReader.Corrupt) {
        let kindList = try archive.strings()
        let fileList = try archive.strings().map { spelled[$0] ?? $0 }
        let kindIndex = try archive.array(of: Int32.self)
        let fileIndex = try archive.array(of: Int32.self)
        let lines = try archive.array(of: Int32.self)
        let canonicalEnds = try archive.array(of: UInt32.self)
        let joinedEnds = try archive.array(of: UInt32.self)
        let codesStarts = try archive.array(of: UInt32.self)
        let attributesStarts = try archive.array(of: UInt32.self)
        let text = try archive.string()
        let count = kindIndex.count
        guard
            [
                fileIndex.count, lines.count, canonicalEnds.count, joinedEnds.count, codesStarts.count,
                attributesStarts.count,
            ].allSatisfy({ $0 == count })
        else { throw ArchiveReader.Corrupt() }
        let utf8 = text.utf8
        let read = utf8.withContiguousStorageIfAvailable { bytes -> [Entry]? in
            // Every slice must start and end on a scalar (a damaged offset would make the
            // slices read past their string).
            func isBoundary(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
            var entries: [Entry] = []
            entries.reserveCapacity(count)
            var start = 0
            for i in 0..<count {
                let canonicalEnd = Int(canonicalEnds[i])
                let end = Int(joinedEnds[i])
                let codesStart = Int(codesStarts[i])
                let attributesStart = Int(attributesStarts[i])
                guard kindList.indices.contains(Int(kindIndex[i])), fileList.indices.contains(Int(fileIndex[i])),
                    start <= canonicalEnd, canonicalEnd <= end, end <= bytes.count,
                    codesStart <= attributesStart, attributesStart <= end - canonicalEnd,
                    isBoundary(start), isBoundary(canonicalEnd), isBoundary(end),
                    isBoundary(canonicalEnd + codesStart), isBoundary(canonicalEnd + attributesStart)
                else { return nil }
                let from = utf8.index(utf8.startIndex, offsetBy: canonicalEnd)
                entries.append(
                    Entry(
                        kind: kindList[Int(kindIndex[i])],
                        canonical: String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[start..<canonicalEnd]), as: UTF8.self),
                        joined: text[from..<utf8.index(from, offsetBy: end - canonicalEnd)],
                        codesStart: UInt32(codesStart), attributesStart: UInt32(attributesStart),
                        file: fileList[Int(fileIndex[i])], line: Int(lines[i])))
                start = end
            }
            return entries
        }
        guard let entries = read ?? nil else { throw ArchiveReader.Corrupt() }
        self.init(entries: entries)
        let words = try archive.strings()
        var spellings: [String: [String]] = [:]
        spellings.reserveCapacity(words.count)
        for word in words { spellings[word] = try archive.strings() }
        self.spellings = spellings
    }
}

extension Lexicon {
    /// The first code of entry `index` (read from the entry's bytes in place).
    func firstCode(ofEntry index: Int) -> String? {
        entries[index].firstCode
    }
}
