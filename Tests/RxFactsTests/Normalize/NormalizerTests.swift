import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct NormalizerTests {
    let normalizer = Normalizer()

    func normalize(_ text: String) -> (String, Normalizer.Result) {
        let result = normalizer.normalize(Array(text.utf8))
        return (String(decoding: result.text, as: UTF8.self), result)
    }

    @Test(arguments: [
        ("the receptor’s channel", "the receptor's channel"),
        ("“pain-spasm-pain” cycle", "\"pain-spasm-pain\" cycle"),
        ("1–2 weeks — rarely", "1-2 weeks - rarely"),
        ("a\u{00A0}b\u{2009}c", "a b c"),
        ("two  spaces\tand\r\nCRLF", "two spaces and\nCRLF"),
        ("soft\u{00AD}hyphen", "softhyphen"),
        ("muscle relax-\nant works", "muscle relaxant works"),
        ("called NMDA-\nreceptor antagonists", "called NMDA-receptor antagonists"),
        ("a 5-HT3-\nantagonist", "a 5-HT3-antagonist"),
        ("ﬁbromyalgia", "fibromyalgia"),
        ("cafe\u{0301} au lait", "caf\u{00E9} au lait"),
    ])
    func foldsTypography(input: String, expected: String) {
        #expect(normalize(input).0 == expected)
    }

    @Test func offsetsMapBackToSourceBytes() {
        let source = "It’s a “true” painkiller — not."
        let (text, result) = normalize(source)
        let bytes = Array(source.utf8)
        // Every word of the normalized text maps back to the same word in the source.
        for word in ["true", "painkiller", "not"] {
            let start = text.utf8.firstRange(of: word.utf8)!
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: start.lowerBound)
            let range = result.map.sourceRange(offset..<(offset + word.utf8.count))
            #expect(String(decoding: bytes[range], as: UTF8.self) == word)
        }
        // A replaced character maps to the whole source character.
        let quote = Array(text.utf8).firstIndex(of: UInt8(ascii: "'"))!
        #expect(String(decoding: bytes[result.map.sourceRange(quote..<(quote + 1))], as: UTF8.self) == "’")
    }

    @Test func translatesSectionBoundaries() {
        let source = "a’b  c"
        let result = normalizer.normalize(Array(source.utf8), translating: [4, 7])
        #expect(result.translated == [2, 4])
    }
}
