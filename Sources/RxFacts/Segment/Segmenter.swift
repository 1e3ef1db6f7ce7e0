/// Stage 3: divides the normalized text into sections and sentences.
///
/// Sections come from the format when it declares them (SPL, ePI); in plain text a
/// heading is a line of its own — Markdown `#` lines, or a short line without closing
/// punctuation that starts with a capital after a paragraph end ("Safety Considerations
/// and Dependence"). Sentences end at `.`/`!`/`?` before a capital, digit or bullet — not
/// after abbreviations ("e.g.", "Dr.") or inside decimals ("2.5 mg") — and at paragraph
/// breaks, bullets and lines ending with `:`. A wrapped line continues its sentence.
package struct Segmenter: Sendable {
    /// Name of the text before the first heading of a plain-text leaflet.
    package static let leadSectionName = "main"
    /// LOINC code of SPL sections without a standard type ("SPL unclassified section").
    package static let unclassifiedSectionCode = "42229-5"

    /// Words that a period does not end a sentence after ("e.g", "dr"), lower case, without the
    /// final period. The pipeline file can name its own list (`segment: {abbreviations: FILE}`).
    package let abbreviations: Set<String>
    /// Section roles: which headings, codes and lead-ins say what a part of the leaflet is for.
    package let roles: SectionRoleSet

    package init(abbreviations: Set<String> = Segmenter.defaultAbbreviations, roles: SectionRoleSet = SectionRoleSet())
    {
        self.abbreviations = abbreviations
        self.roles = roles
    }

    package func process(_ doc: inout AnalyzedDocument) {
        doc.sections.removeAll()
        doc.sentences.removeAll()
        let text = doc.normalized
        if doc.declaredSections.isEmpty {
            // A subheading without roles of its own has those of the heading above it: "Once you
            // have found the right dose" under "3. How to take X" is about dosage; "Other medicines
            // and X" is about interactions wherever it stands.
            var enclosing: [(rank: Int, roles: SectionRoleSet.RoleMask)] = []
            for part in Segmenter.headings(in: text, roles: roles) {
                while let last = enclosing.last, last.rank >= part.rank { enclosing.removeLast() }
                let own = roles.roles(heading: part.name, code: nil)
                let sectionRoles = own != 0 ? own : (enclosing.last?.roles ?? 0)
                enclosing.append((part.rank, sectionRoles))
                appendSection(
                    &doc, name: part.name, code: nil, heading: part.heading, body: part.body, roles: sectionRoles)
            }
        } else {
            let ordered = doc.declaredSections.enumerated().sorted {
                ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
            }
            // Unclassified subsections (no code, or LOINC 42229-5) are named by their path from the
            // nearest enclosing section: "adverse reactions > cardiovascular effects", so rules
            // and users still see which part of the label they are in.
            var enclosing: [(level: Int, range: Range<Int>, name: String, roles: SectionRoleSet.RoleMask)] = []
            for (k, item) in ordered.enumerated() {
                let span = item.element
                while let last = enclosing.last, last.level >= span.level || !last.range.contains(span.range.lowerBound)
                {
                    enclosing.removeLast()
                }
                var name = span.name
                if let parent = enclosing.last, span.code == nil || span.code == Segmenter.unclassifiedSectionCode {
                    name = name == parent.name || name.isEmpty ? parent.name : parent.name + " > " + name
                }
                // A subsection has its own roles and those of the sections enclosing it.
                let sectionRoles = roles.roles(heading: span.name, code: span.code) | (enclosing.last?.roles ?? 0)
                enclosing.append((span.level, span.range, name, sectionRoles))
                var body = span.range
                if k + 1 < ordered.count, ordered[k + 1].element.range.lowerBound < body.upperBound {
                    body = body.lowerBound..<max(body.lowerBound, ordered[k + 1].element.range.lowerBound)
                }
                appendSection(
                    &doc, name: name, code: span.code, heading: body.lowerBound..<body.lowerBound, body: body,
                    roles: sectionRoles)
            }
        }
    }

    private func appendSection(
        _ doc: inout AnalyzedDocument, name: String, code: String?, heading: Range<Int>, body: Range<Int>,
        roles sectionRoles: SectionRoleSet.RoleMask
    ) {
        let firstSentence = doc.sentences.count
        let sectionIndex = doc.sections.count
        for range in Segmenter.sentences(in: doc.normalized, body, abbreviations: abbreviations) {
            doc.sentences.append(Sentence(range: range, tokens: 0..<0, section: sectionIndex))
        }
        doc.sections.append(
            Section(
                name: name, code: code, heading: heading, body: body, sentences: firstSentence..<doc.sentences.count,
                roles: sectionRoles))
        linkLists(&doc.sentences, firstSentence..<doc.sentences.count, text: doc.normalized, sectionRoles: sectionRoles)
    }

    // MARK: Lists

    /// Links each list item to the lead-in that governs it. A lead-in is a sentence ending with
    /// ':' ("Cymbalta is used in adults to treat:"), or one without closing punctuation that a
    /// bulleted item follows ("tell your doctor if you suffer from" + "* high blood sugar"). Its
    /// items are the sentences after it that start with a bullet, or — after a ':' — with a
    /// lower-case letter ("are allergic to duloxetine…"); a sentence starting otherwise ends the
    /// list. A lead-in inside a list governs the items after it (nested lists) and passes on the
    /// roles of the list it is in.
    func linkLists(
        _ sentences: inout [Sentence], _ indices: Range<Int>, text: [UInt8], sectionRoles: SectionRoleSet.RoleMask
    ) {
        var leadIn: (index: Int, add: SectionRoleSet.RoleMask, remove: SectionRoleSet.RoleMask, colon: Bool)?
        for s in indices {
            let range = sentences[s].range
            let first = text[range.lowerBound]
            let bullet =
                Segmenter.startsBullet(text, range.lowerBound, range.upperBound)
                || (first == UInt8(ascii: "-") && range.count == 1)
            let lower = first &- 0x61 < 26
            // After a ':' the next sentence is an item whatever its first letter ("… used to treat
            // the following conditions:" + "Schizophrenia, a disease …").
            let firstAfterColon = leadIn.map { $0.colon && $0.index == s - 1 } ?? false
            if let current = leadIn, bullet || (current.colon && lower) || firstAfterColon {
                sentences[s].leadIn = Int32(current.index)
                sentences[s].roles = (sectionRoles | current.add) & ~current.remove
            } else {
                leadIn = nil
            }
            let last = text[range.upperBound - 1]
            let colon = last == UInt8(ascii: ":")
            let open = !Self.isMark(last, Self.sentenceEnds)
            let nextIsBullet =
                s + 1 < indices.upperBound
                && Segmenter.startsBullet(text, sentences[s + 1].range.lowerBound, sentences[s + 1].range.upperBound)
            // A bullet item is a lead-in only when it ends with ':' (a nested list); an open item
            // followed by another bullet is its sibling.
            if colon || (open && nextIsBullet && !bullet) {
                let (add, remove) = roles.leadInRoles(text, range)
                leadIn = (s, add | (leadIn?.add ?? 0), remove | (leadIn?.remove ?? 0), colon)
            }
        }
    }

    // MARK: Headings

    struct Part {
        var name: String
        var heading: Range<Int>
        var body: Range<Int>
        /// How high the heading stands: its number of '#' for a Markdown heading, 2 for a numbered
        /// one ("3. How to take X", as "## 3."), `minorRank` for a plain line; lower ranks enclose higher.
        var rank = Part.minorRank
        static let minorRank = 9
    }

    /// Splits plain text at heading lines.
    static func headings(in text: [UInt8], roles: SectionRoleSet = SectionRoleSet()) -> [Part] {
        let lines = lineRanges(text)
        var parts: [Part] = []
        var name = leadSectionName
        var heading = 0..<0
        var rank = 0
        var bodyStart = 0
        for (index, line) in lines.enumerated() {
            let previous = index > 0 ? lines[index - 1] : nil
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            guard
                let title = headingTitle(text, line, previous: previous, next: next)
                    ?? knownHeading(text, line, roles: roles)
            else { continue }
            if bodyStart < line.lowerBound || !parts.isEmpty || heading.count > 0 {
                parts.append(Part(name: name, heading: heading, body: bodyStart..<line.lowerBound, rank: rank))
            }
            name = title
            heading = line
            rank = headingRank(text, line)
            bodyStart = min(text.count, line.upperBound)
        }
        parts.append(Part(name: name, heading: heading, body: bodyStart..<text.count, rank: rank))
        return parts.filter { $0.heading.count > 0 || !isBlank(text, $0.body) }
    }

    /// `Part.rank` of the heading on `line`.
    static func headingRank(_ text: [UInt8], _ line: Range<Int>) -> Int {
        let trimmed = trim(text, line)
        var i = trimmed.lowerBound
        while i < trimmed.upperBound, text[i] == UInt8(ascii: "#") { i += 1 }
        if i > trimmed.lowerBound { return min(i - trimmed.lowerBound, Part.minorRank - 1) }
        // "3." ranks 2, "5.1" 3, "5.1.2" 4.
        var groups = 0
        while i < trimmed.upperBound, Tokenizer.isDigit(text[i]) {
            let start = i
            while i < trimmed.upperBound, Tokenizer.isDigit(text[i]) { i += 1 }
            guard i - start <= 2 else { return Part.minorRank }
            groups += 1
            if i < trimmed.upperBound, text[i] == UInt8(ascii: ".") { i += 1 } else { break }
        }
        guard groups > 0, i > trimmed.lowerBound, text[i - 1] == UInt8(ascii: ".") || groups > 1 else {
            return Part.minorRank
        }
        return min(groups + 1, Part.minorRank - 1)
    }

    /// The section name if `line` is a heading.
    static func headingTitle(_ text: [UInt8], _ line: Range<Int>, previous: Range<Int>?, next: Range<Int>?) -> String? {
        let trimmed = trim(text, line)
        guard !trimmed.isEmpty else { return nil }
        var start = trimmed.lowerBound
        if text[start] == UInt8(ascii: "#") {
            while start < trimmed.upperBound, text[start] == UInt8(ascii: "#") || text[start] == 0x20 { start += 1 }
            return start < trimmed.upperBound ? sectionName(text, start..<trimmed.upperBound) : nil
        }
        let count = trimmed.count
        guard count >= 3, count <= 100 else { return nil }
        let last = text[trimmed.upperBound - 1]
        if Self.isMark(last, Self.notHeadingEnds) { return nil }
        // Every test below must pass; the cheap ones come first.
        let first = text[start]
        let startsCapital = first &- 0x41 < 26
        let startsNumbered =
            Tokenizer.isDigit(first) && trimmed.count > 3
            && (text[start + 1] == UInt8(ascii: ".")
                || (Tokenizer.isDigit(text[start + 1]) && text[start + 2] == UInt8(ascii: ".")))
        guard startsCapital || startsNumbered else { return nil }
        // The line before must close a paragraph (or not exist) and a body must follow.
        if let previous, !isBlank(text, previous) {
            let p = trim(text, previous)
            guard !p.isEmpty, Self.isMark(text[p.upperBound - 1], Self.paragraphEnds) else { return nil }
        }
        guard let next, !isBlank(text, next) else { return nil }
        var words = 1
        for i in trimmed where text[i] == 0x20 { words += 1 }
        guard words <= 12 else { return nil }
        // A wrapped line, not a heading: it ends in a word that needs more ("such as", "of", "and"),
        // leaves a parenthesis open, or the next line continues it in lower case.
        let n = trim(text, next)
        if !n.isEmpty, text[n.lowerBound] &- 0x61 < 26 { return nil }
        if endsWrapped(text, trimmed) { return nil }
        return sectionName(text, start..<trimmed.upperBound)
    }

    /// Words a heading never ends with: a line ending with one was cut by wrapping.
    static let continuationWords: Set<String> = [
        "such as", "known as", "as", "and", "or", "of", "the", "to", "with", "for", "in", "a", "an", "by", "from",
        "including", "e.g", "like", "called", "if", "that", "which", "your", "are", "is", "on", "at",
    ]

    /// True when the line ends with a continuation word or leaves a parenthesis open.
    static func endsWrapped(_ text: [UInt8], _ line: Range<Int>) -> Bool {
        var depth = 0
        for i in line {
            if text[i] == UInt8(ascii: "(") { depth += 1 } else if text[i] == UInt8(ascii: ")") { depth -= 1 }
        }
        if depth > 0 { return true }
        // The last two words, compared as lower-cased bytes (no String per line).
        var end = line.upperBound
        var lastWord: Range<Int>?
        var wordBefore: Range<Int>?
        while wordBefore == nil, end > line.lowerBound {
            var start = end
            while start > line.lowerBound, text[start - 1] != 0x20 { start -= 1 }
            if lastWord == nil { lastWord = start..<end } else { wordBefore = start..<end }
            end = start
            while end > line.lowerBound, text[end - 1] == 0x20 { end -= 1 }
        }
        guard let lastWord else { return false }
        for word in continuationWordBytes where equalsFolded(text, lastWord, word) { return true }
        guard let wordBefore else { return false }
        for pair in continuationPairBytes
        where equalsFolded(text, wordBefore, pair.0) && equalsFolded(text, lastWord, pair.1) { return true }
        return false
    }

    /// `continuationWords` as bytes: single words, and the two-word ones as pairs.
    static let continuationWordBytes: [[UInt8]] = continuationWords.filter { !$0.contains(" ") }.map { Array($0.utf8) }
    static let continuationPairBytes: [([UInt8], [UInt8])] = continuationWords.compactMap { phrase in
        let parts = phrase.split(separator: " ")
        return parts.count == 2 ? (Array(parts[0].utf8), Array(parts[1].utf8)) : nil
    }

    /// True when `text[range]`, ASCII lower-cased, is `word` (lower case ASCII).
    @inline(__always)
    static func equalsFolded(_ text: [UInt8], _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        var k = 0
        for i in range {
            if Folding.lower(text[i]) != word[k] { return false }
            k += 1
        }
        return true
    }

    /// A line that names a section the role table knows ("Do not take Cymbalta if you:", "Other
    /// medicines and Keppra") is a heading even where the layout alone would not say so: right
    /// under another heading, ending with ':', with a blank line after it. It must start with a
    /// capital, hold at most 12 words and no sentence end.
    static func knownHeading(_ text: [UInt8], _ line: Range<Int>, roles: SectionRoleSet) -> String? {
        var trimmed = trim(text, line)
        guard trimmed.count >= 3, trimmed.count <= 100, text[trimmed.lowerBound] &- 0x41 < 26 else { return nil }
        if text[trimmed.upperBound - 1] == UInt8(ascii: ":") || text[trimmed.upperBound - 1] == UInt8(ascii: "?") {
            trimmed = trimmed.lowerBound..<(trimmed.upperBound - 1)
        }
        guard !trimmed.isEmpty, !Self.isMark(text[trimmed.upperBound - 1], Self.notKnownHeadingEnds) else { return nil }
        var words = 1
        var depth = 0
        for i in trimmed {
            if text[i] == 0x20 { words += 1 }
            if text[i] == UInt8(ascii: "."), i + 1 < trimmed.upperBound, text[i + 1] == 0x20 { return nil }
            if text[i] == UInt8(ascii: "(") { depth += 1 }
            // A ')' that closes nothing on the line: the end of a wrapped cross-reference ("(see
            // section\nWarnings and precautions))"), not a heading.
            if text[i] == UInt8(ascii: ")") {
                depth -= 1
                if depth < 0 { return nil }
            }
        }
        guard words <= 12 else { return nil }
        let name = sectionNameBytes(text, trimmed)
        return roles.roles(heading: name) != 0 ? String(decoding: name, as: UTF8.self) : nil
    }

    /// Lower-cased heading text without leading numbering ("4. Possible side effects" → "possible side effects").
    static func sectionName(_ text: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: sectionNameBytes(text, range), as: UTF8.self)
    }

    /// `sectionName` as UTF-8 bytes.
    static func sectionNameBytes(_ text: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var start = range.lowerBound
        var i = start
        while i < range.upperBound, Tokenizer.isDigit(text[i]) || text[i] == UInt8(ascii: ".") { i += 1 }
        if i > start, i < range.upperBound, text[i] == 0x20 { start = i + 1 }
        return text[start..<range.upperBound].map(Folding.lower)
    }

    /// Marks that close a sentence: one ending otherwise stays open for the list after it.
    static let sentenceEnds = marks(".!?;)")
    /// Marks a heading line does not end with.
    static let notHeadingEnds = marks(".,;:!?)\"'-(")
    /// Marks that close the paragraph before a heading.
    static let paragraphEnds = marks(".!?:")
    /// Marks a known heading does not end with (after a final ':' or '?' is dropped).
    static let notKnownHeadingEnds = marks(".,;!?(")

    /// A set of ASCII marks below 0x40 as a bit mask, tested in one step where
    /// `String.utf8.contains` walked the string at every line.
    static func marks(_ characters: String) -> UInt64 {
        characters.utf8.reduce(0) { mask, byte in
            precondition(byte < 64, "marks below 0x40 only")
            return mask | 1 << UInt64(byte)
        }
    }

    @inline(__always)
    static func isMark(_ byte: UInt8, _ marks: UInt64) -> Bool {
        byte < 64 && marks & (1 << UInt64(byte)) != 0
    }

    static func lineRanges(_ text: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for i in text.indices where text[i] == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        if start < text.count { lines.append(start..<text.count) }
        return lines
    }

    static func trim(_ text: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b, text[a] == 0x20 || text[a] == 0x0A { a += 1 }
        while b > a, text[b - 1] == 0x20 || text[b - 1] == 0x0A { b -= 1 }
        return a..<b
    }

    static func isBlank(_ text: [UInt8], _ range: Range<Int>) -> Bool { trim(text, range).isEmpty }

    // MARK: Sentences

    /// The abbreviations used when a pipeline names none.
    package static let defaultAbbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "vs", "dr", "mr", "mrs", "ms", "prof", "no", "nos", "approx", "fig", "figs",
        "ref", "al", "inc", "ltd", "co", "st", "cf", "ca", "incl", "resp", "u.s", "u.k", "max", "min", "hr",
        "hrs", "sec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vol",
        "sect", "para", "tab", "tabs", "caps", "inj", "soln", "susp", "ext", "sr", "er", "ph", "eur", "ed", "eds",
    ]

    /// Sentence ranges (trimmed, non-empty) inside `range`.
    package static func sentences(
        in text: [UInt8], _ range: Range<Int>, abbreviations: Set<String> = defaultAbbreviations
    ) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        // Table rows (" | " between cells) only occur in XML-derived text: look once.
        var hasTableRows = false
        var probe = range.lowerBound + 1
        while probe + 1 < end {
            if text[probe] == UInt8(ascii: "|"), text[probe - 1] == 0x20, text[probe + 1] == 0x20 {
                hasTableRows = true
                break
            }
            probe += 1
        }

        let boundaries = Self.boundaryBytes
        func close(_ upTo: Int) {
            let r = trim(text, start..<upTo)
            if !r.isEmpty { result.append(r) }
            start = upTo
        }

        while i < end {
            let b = text[i]
            // Most bytes end nothing: one test skips them.
            if b >= 0x40 || (boundaries >> UInt64(b)) & 1 == 0 {
                i += 1
                continue
            }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                var j = i + 1
                // Closing quotes and brackets stay with the sentence.
                while j < end,
                    text[j] == UInt8(ascii: "\"") || text[j] == UInt8(ascii: "'") || text[j] == UInt8(ascii: ")")
                { j += 1 }
                if j >= end {
                    close(end)
                    i = end
                    continue
                }
                if text[j] == 0x20 || text[j] == 0x0A {
                    var k = j
                    while k < end, text[k] == 0x20 || text[k] == 0x0A { k += 1 }
                    if k >= end
                        || startsSentence(text, k)
                            && !(b == UInt8(ascii: ".") && isAbbreviation(text, before: i, from: start, abbreviations))
                    {
                        close(j)
                        i = j
                        continue
                    }
                }
                i = j
                continue
            }
            // Bullets run into one line by text extraction ("such as: * medicines for depression;
            // * steroids …") start items as they would at the start of a line.
            if b == UInt8(ascii: ";") || b == UInt8(ascii: ":"), i + 2 < end, text[i + 1] == 0x20,
                text[i + 2] == UInt8(ascii: "*") || text[i + 2] == 0xE2, startsBullet(text, i + 2, end)
            {
                close(i + 1)
                i += 1
                continue
            }
            if b == 0x0A {
                var k = i + 1
                while k < end, text[k] == 0x20 { k += 1 }
                let blankLine = k < end && text[k] == 0x0A
                let lineEndsWithColon = previousNonSpace(text, before: i, from: start) == UInt8(ascii: ":")
                // A bullet item ends at its line when the next line starts anew (a capital) and the
                // item's line does not need more ("- tramadol, a painkiller" / "Zelmora may be…").
                var itemEnds = false
                if k < end, text[k] &- 0x41 < 26 {
                    let itemStart = trim(text, start..<i).lowerBound
                    if itemStart < i, startsBullet(text, itemStart, i) {
                        var lineStart = i
                        while lineStart > start, text[lineStart - 1] != 0x0A { lineStart -= 1 }
                        let line = trim(text, lineStart..<i)
                        itemEnds = !line.isEmpty && !endsWrapped(text, line)
                    }
                }
                if blankLine || lineEndsWithColon || itemEnds || (k < end && startsBullet(text, k, end))
                    || (hasTableRows && k < end && isTableRow(text, i, end))
                {
                    close(i)
                }
            }
            i += 1
        }
        close(end)
        return result
    }

    /// The bytes at which `sentences` may end one (". ! ? ; :" and the line feed), as bits.
    static let boundaryBytes: UInt64 = [UInt8]("\n.!?;:".utf8).reduce(0) { $0 | 1 << UInt64($1) }

    static func previousNonSpace(_ text: [UInt8], before i: Int, from start: Int) -> UInt8? {
        var k = i - 1
        while k >= start, text[k] == 0x20 { k -= 1 }
        return k >= start ? text[k] : nil
    }

    static func startsSentence(_ text: [UInt8], _ k: Int) -> Bool {
        let c = text[k]
        return c &- 0x41 < 26 || Tokenizer.isDigit(c) || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
            || c == UInt8(ascii: "(") || c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "[")
            || (c >= 0xC3 && c < 0xE0)
    }

    /// "- item", "* item", "• item", "1. item", "a) item" at `k`.
    static func startsBullet(_ text: [UInt8], _ k: Int, _ end: Int) -> Bool {
        let c = text[k]
        if (c == UInt8(ascii: "-") || c == UInt8(ascii: "*")) && k + 1 < end && text[k + 1] == 0x20 { return true }
        if c == 0xE2 && k + 2 < end && text[k + 1] == 0x80 && text[k + 2] == 0xA2 { return true }
        var j = k
        while j < end, Tokenizer.isDigit(text[j]) { j += 1 }
        if j > k, j + 1 < end, text[j] == UInt8(ascii: ".") || text[j] == UInt8(ascii: ")"), text[j + 1] == 0x20 {
            return true
        }
        return false
    }

    /// Lines holding table cells (" | ") each stand alone.
    static func isTableRow(_ text: [UInt8], _ newline: Int, _ end: Int) -> Bool {
        var k = newline + 1
        while k + 2 < end, text[k] != 0x0A {
            if text[k] == 0x20 && text[k + 1] == UInt8(ascii: "|") && text[k + 2] == 0x20 { return true }
            k += 1
        }
        return false
    }

    static func isAbbreviation(_ text: [UInt8], before dot: Int, from start: Int, _ abbreviations: Set<String>) -> Bool
    {
        var k = dot
        while k > start, text[k - 1] != 0x20, text[k - 1] != 0x0A, text[k - 1] != UInt8(ascii: "(") { k -= 1 }
        let word = text[k..<dot].map(Folding.lower)
        if word.count == 1 && word[0] &- 0x61 < 26 { return true }
        return abbreviations.contains(String(decoding: word, as: UTF8.self))
    }
}

extension Segmenter: Stage {}
