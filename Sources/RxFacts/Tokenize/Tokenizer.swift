/// Stage 4: splits each sentence into tokens over UTF-8 bytes and looks up their folded keys.
///
/// Words are runs of letters and digits (non-ASCII letters included); a decimal or a
/// thousands separator stays inside a number; a hyphen or slash between two word
/// characters is a *joiner* that matching skips ("GABA-A" matches "GABA A"); an apostrophe
/// followed by letters is a clitic ("'s", "'t"), and so is a lone "s" between two words
/// ("Parkinson s disease", the apostrophe lost in extraction); every other mark is its own token.
package struct Tokenizer: Sendable {
    package let vocabulary: Vocabulary

    package init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    package func process(_ doc: inout AnalyzedDocument) {
        // Work on locals: no access to `doc` or `self` inside the per-token loop.
        let text = doc.normalized
        let vocabulary = self.vocabulary
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 5)
        for index in doc.sentences.indices {
            let first = tokens.count
            Tokenizer.scan(text, doc.sentences[index].range, into: &tokens, keys: vocabulary)
            doc.sentences[index].tokens = first..<tokens.count
        }
        doc.tokens = tokens
    }

    /// Byte classes for the scanner.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b &- 0x61 < 26) || (b &- 0x41 < 26) || (b &- 0x30 < 10)
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Length of the UTF-8 sequence starting with `lead`.
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
    }

    /// Non-ASCII characters that are punctuation or symbols rather than letters:
    /// Latin-1 symbols (® ° ± × …) except µ, and the U+2000–U+2BFF blocks (punctuation,
    /// arrows, maths, ™).
    @inline(__always)
    static func isSymbol(_ text: [UInt8], _ i: Int) -> Bool {
        let lead = text[i]
        if lead == 0xC2 { return i + 1 < text.count && text[i + 1] != 0xB5 }
        if lead == 0xC3 { return i + 1 < text.count && (text[i + 1] == 0x97 || text[i + 1] == 0xB7) }
        if lead == 0xE2 { return true }
        return false
    }

    /// Appends the tokens of `text[range]` to `tokens`, with their keys in `vocabulary` (unknown
    /// without one).
    package static func scan(
        _ text: [UInt8], _ range: Range<Int>, into tokens: inout [Token], keys vocabulary: Vocabulary? = nil
    ) {
        @inline(__always)
        func append(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            let key = vocabulary?.find(text, start..<end, kind: kind) ?? Token.unknownKey
            tokens.append(Token(start: Int32(start), end: Int32(end), key: key, kind: kind))
        }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = text[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                i += 1
                continue
            }
            let start = i
            if isWordByte(b) || (b >= 0x80 && !isSymbol(text, i)) {
                let numeric = isDigit(b)
                while i < end {
                    let c = text[i]
                    if isWordByte(c) {
                        i += 1
                    } else if c >= 0x80 && !isSymbol(text, i) {
                        i = min(end, i + sequenceLength(c))
                    } else if numeric, c == UInt8(ascii: ".") || c == UInt8(ascii: ","), i + 1 < end,
                        isDigit(text[i + 1])
                    {
                        i += 2
                    } else {
                        break
                    }
                }
                // "Parkinson s disease": a lone "s" between two words, one space (or a line end) from each, is a
                // possessive whose apostrophe was lost in text extraction, matched like "'s"
                // (a final "s", as in "protein S", stays a word).
                let lostApostrophe =
                    i - start == 1 && (b | 0x20) == UInt8(ascii: "s") && start >= 2
                    && text[start - 1] == 0x20 && Tokenizer.isWordByte(text[start - 2])
                    && tokens.last.map { Int($0.end) == start - 1 && $0.kind == .word } == true
                    && i + 1 < end && (text[i] == 0x20 || text[i] == 0x0A) && Tokenizer.isWordByte(text[i + 1])
                append(start, i, lostApostrophe ? .clitic : (numeric ? .number : .word))
                continue
            }
            if b == UInt8(ascii: "'"), let last = tokens.last, Int(last.end) == i, last.kind == .word,
                i + 1 < end, isWordByte(text[i + 1])
            {
                i += 1
                while i < end, isWordByte(text[i]) { i += 1 }
                append(start, i, .clitic)
                continue
            }
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "/"), let last = tokens.last, Int(last.end) == i,
                last.kind != .punctuation, i + 1 < end, isWordByte(text[i + 1]) || text[i + 1] >= 0xC3
            {
                i += 1
                append(start, i, .joiner)
                continue
            }
            i = b < 0x80 ? i + 1 : min(end, i + sequenceLength(b))
            append(start, i, .punctuation)
        }
    }
}

extension Tokenizer: Stage {}
