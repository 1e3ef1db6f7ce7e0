import Foundation

/// Stage 2: folds typographic variation out of the text while keeping an offset map back
/// to the ingested bytes.
///
/// - line ends → `\n`; tabs, no-break and other Unicode spaces → one space; runs of spaces → one
/// - curly quotes and primes → `'` / `"`; Unicode dashes and minus → `-`; `…` → `...`; ﬁ/ﬂ → fi/fl
/// - soft hyphens and zero-width characters removed; `word-⏎word` line-end hyphenation joined
/// - decomposed accents composed (Unicode NFC) for the rare runs that need it
package struct Normalizer: Sendable {
    package init() {}

    package func process(_ doc: inout AnalyzedDocument) {
        let text = doc.ingested.text
        var boundaries: [Int] = []
        for span in doc.ingested.sections {
            boundaries.append(span.range.lowerBound)
            boundaries.append(span.range.upperBound)
        }
        let result = normalize(text, translating: boundaries)
        doc.normalized = result.text
        doc.normalizedMap = result.map
        var k = 0
        doc.declaredSections = doc.ingested.sections.map { span in
            defer { k += 2 }
            var copy = span
            copy.range = result.translated[k]..<max(result.translated[k], result.translated[k + 1])
            return copy
        }
    }

    package struct Result: Sendable {
        package var text: [UInt8]
        /// Maps offsets in `text` to offsets in the input.
        package var map: OffsetMap
        /// The input offsets asked for, translated to output offsets (same order).
        package var translated: [Int]
    }

    /// Normalizes `input`; `offsets` (any order) are translated to output offsets.
    package func normalize(_ input: [UInt8], translating offsets: [Int] = []) -> Result {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var map = OffsetMap()
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var translated = Array(repeating: 0, count: offsets.count)
        var next = 0
        var i = 0
        let n = input.count

        @inline(__always) func emit(_ bytes: [UInt8], from start: Int, count: Int) {
            map.replace(sourceStart: start, sourceCount: count, outputCount: bytes.count)
            out.append(contentsOf: bytes)
        }
        @inline(__always) func lastOut() -> UInt8 { out.last ?? 0x0A }

        while i < n {
            while next < order.count, offsets[order[next]] <= i {
                translated[order[next]] = out.count
                next += 1
            }
            // Fast path: copy the run of bytes that need no change in one go (most of any text).
            let limit = next < order.count ? min(n, offsets[order[next]]) : n
            var run = i
            while run < limit {
                let c = input[run]
                // Printable ASCII other than space and hyphen, and line feeds: one test.
                if (c &- 0x21 < 0x5F && c != UInt8(ascii: "-")) || c == 0x0A {
                    run += 1
                    continue
                }
                if c == 0x20 {
                    let previous = run > i ? input[run - 1] : lastOut()
                    if previous == 0x20 || previous == 0x0A { break }
                    let following: UInt8 = run + 1 < n ? input[run + 1] : 0
                    if following == 0x20 || following == 0x0A || following == 0x09 || following == 0x0D { break }
                } else if c == UInt8(ascii: "-") {
                    if run + 1 < n, input[run + 1] == 0x0A { break }
                } else {
                    break  // non-ASCII or a control character
                }
                run += 1
            }
            // A combining mark next: its base letter is composed with it, not copied here.
            if run > i, run < n, input[run] == 0xCC || input[run] == 0xCD { run -= 1 }
            if run > i {
                map.copy(sourceStart: i, count: run - i)
                out.append(contentsOf: input[i..<run])
                i = run
                continue
            }
            let b = input[i]
            if b < 0x80, i + 1 < n, input[i + 1] >= 0xCC, Normalizer.isCombining(input, i + 1) {
                // A base letter with decomposed accents: compose the cluster (NFC).
                var j = i + 1
                while j < n, Normalizer.isCombining(input, j) { j += 2 }
                let cluster = String(decoding: input[i..<j], as: UTF8.self)
                emit(Array(cluster.precomposedStringWithCanonicalMapping.utf8), from: i, count: j - i)
                i = j
                continue
            }
            if b < 0x80 {
                switch b {
                case 0x0D:
                    let count = (i + 1 < n && input[i + 1] == 0x0A) ? 2 : 1
                    emit([0x0A], from: i, count: count)
                    i += count
                case 0x09, 0x0B, 0x0C, 0x20:
                    var j = i + 1
                    while j < n, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
                    if lastOut() == 0x20 || lastOut() == 0x0A || (j < n && input[j] == 0x0A) {
                        emit([], from: i, count: j - i)
                    } else if j - i == 1 && b == 0x20 {
                        map.copy(sourceStart: i, count: 1)
                        out.append(0x20)
                    } else {
                        emit([0x20], from: i, count: j - i)
                    }
                    i = j
                case UInt8(ascii: "-")
                where i + 1 < n && input[i + 1] == 0x0A && isLower(lastOut()) && i + 2 < n && isLower(input[i + 2]):
                    // "relax-⏎ant" → "relaxant": line-end hyphenation.
                    emit([], from: i, count: 2)
                    i += 2
                case UInt8(ascii: "-")
                where i + 2 < n && input[i + 1] == 0x0A && isUpperOrDigit(lastOut()) && isLetter(input[i + 2]):
                    // "NMDA-⏎receptor" → "NMDA-receptor": after an acronym the hyphen is part of the
                    // compound; only the line break goes.
                    emit([UInt8(ascii: "-")], from: i, count: 2)
                    i += 2
                default:
                    // Copy the ASCII run in one go.
                    var j = i + 1
                    while j < limit, input[j] < 0x80, input[j] > 0x20, input[j] != UInt8(ascii: "-"),
                        !(j + 1 < n && input[j + 1] >= 0xCC && Normalizer.isCombining(input, j + 1))
                    { j += 1 }
                    map.copy(sourceStart: i, count: j - i)
                    out.append(contentsOf: input[i..<j])
                    i = j
                }
                continue
            }
            let length = b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
            let end = min(n, i + length)
            if let replacement = Normalizer.replacement(input, i, length) {
                if replacement == [0x20], lastOut() == 0x20 || lastOut() == 0x0A {
                    emit([], from: i, count: end - i)
                } else {
                    emit(replacement, from: i, count: end - i)
                }
                i = end
                continue
            }
            // A run of non-ASCII characters: compose it if it holds combining marks.
            var j = end
            var combining = Normalizer.isCombining(input, i)
            while j < n, input[j] >= 0x80 {
                let length = input[j] < 0xE0 ? 2 : (input[j] < 0xF0 ? 3 : 4)
                if Normalizer.replacement(input, j, length) != nil { break }
                if Normalizer.isCombining(input, j) { combining = true }
                j += length
            }
            j = min(j, n)
            if combining {
                let run = String(decoding: input[i..<j], as: UTF8.self)
                emit(Array(run.precomposedStringWithCanonicalMapping.utf8), from: i, count: j - i)
            } else {
                map.copy(sourceStart: i, count: j - i)
                out.append(contentsOf: input[i..<j])
            }
            i = j
        }
        while next < order.count {
            translated[order[next]] = out.count
            next += 1
        }
        return Result(text: out, map: map, translated: translated)
    }

    @inline(__always) private func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) private func isUpperOrDigit(_ b: UInt8) -> Bool { b &- 0x41 < 26 || b &- 0x30 < 10 }

    /// U+0300–U+036F combining diacritical marks.
    static func isCombining(_ s: [UInt8], _ i: Int) -> Bool {
        guard i + 1 < s.count else { return false }
        return (s[i] == 0xCC && s[i + 1] >= 0x80) || (s[i] == 0xCD && s[i + 1] <= 0xAF)
    }

    /// The ASCII replacement for a typographic character, or nil to keep it.
    static func replacement(_ s: [UInt8], _ i: Int, _ length: Int) -> [UInt8]? {
        guard i + length <= s.count else { return nil }
        let b0 = s[i]
        let b1 = s[i + 1]
        if length == 2 {
            if b0 == 0xC2 && b1 == 0xA0 { return [0x20] }  // no-break space
            if b0 == 0xC2 && b1 == 0xAD { return [] }  // soft hyphen
            return nil
        }
        guard length == 3 else { return nil }
        let b2 = s[i + 2]
        switch (b0, b1) {
        case (0xE2, 0x80):
            switch b2 {
            case 0x80...0x8A, 0xAF: return [0x20]  // en/em/thin/hair spaces, narrow nbsp
            case 0x8B...0x8D: return []  // zero-width space/joiners
            case 0x90...0x95: return [UInt8(ascii: "-")]  // hyphens and dashes
            case 0x98, 0x99, 0x9A, 0x9B, 0xB2, 0xB5: return [UInt8(ascii: "'")]
            case 0x9C, 0x9D, 0x9E, 0x9F, 0xB3, 0xB6: return [UInt8(ascii: "\"")]
            case 0xA6: return Array("...".utf8)
            case 0xA8, 0xA9: return [0x0A]  // line and paragraph separators
            default: return nil
            }
        case (0xE2, 0x88) where b2 == 0x92: return [UInt8(ascii: "-")]  // minus sign
        case (0xE3, 0x80) where b2 == 0x80: return [0x20]  // ideographic space
        case (0xEF, 0xBB) where b2 == 0xBF: return []  // BOM inside text
        case (0xEF, 0xAC) where b2 == 0x81: return Array("fi".utf8)
        case (0xEF, 0xAC) where b2 == 0x82: return Array("fl".utf8)
        default: return nil
        }
    }
}

extension Normalizer: Stage {}
