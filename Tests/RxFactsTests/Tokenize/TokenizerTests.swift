import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> [(String, Token.Kind)] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        Tokenizer.scan(bytes, 0..<bytes.count, into: &tokens)
        return tokens.map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.kind) }
    }

    @Test func byteOffsetsOnNonASCIIText() {
        let text = "Müller’s dose: 2.5 mg (≥ 1,000 µg) of GABA-A agonist"
        let bytes = Array(text.utf8)
        var found: [Token] = []
        Tokenizer.scan(bytes, 0..<bytes.count, into: &found)
        // Offsets are UTF-8 byte offsets: "Müller" is 7 bytes.
        #expect(found[0].start == 0 && found[0].end == 7)
        let words = found.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(
            words == [
                "Müller", "’", "s", "dose", ":", "2.5", "mg", "(", "≥", "1,000", "µg", ")", "of", "GABA", "-", "A",
                "agonist",
            ])
        for token in found {
            #expect(String(decoding: bytes[token.range], as: UTF8.self).utf8.count == token.range.count)
        }
    }

    /// Found by fuzzing the ePI JSON ingester (issue 13): a document whose text begins with the
    /// one-letter word "S" trapped in the plural folding, which looked at the byte before it to
    /// tell "AIDS" from "aids" — before the start of the text. It killed the whole batch.
    @Test(arguments: ["S", "S is a drug.", "s", "S\nAIDS and aids"])
    func aTextBeginningWithTheWordSIsRead(_ text: String) throws {
        let record = try TestSupport.record(text, path: "s.txt")
        #expect(record.document.id == "s")
        let bytes = Array(text.utf8)
        #expect(Folding.plan(bytes, 0..<1, kind: .word).cut == 1)
    }

    @Test func cliticsJoinersAndNumbers() {
        let result = tokens("doesn't take the receptor's and/or 1.5-fold")
        #expect(
            result.map(\.0) == ["doesn", "'t", "take", "the", "receptor", "'s", "and", "/", "or", "1.5", "-", "fold"])
        #expect(result[1].1 == .clitic)
        #expect(result[7].1 == .joiner)
        #expect(result[9].1 == .number)
        #expect(result[10].1 == .joiner)
    }

    @Test(arguments: [
        ("Spasms", "spasm"), ("seizures", "seizure"), ("therapies", "therapy"), ("NSAIDs", "nsaid"),
        ("class", "class"), ("diabetes", "diabete"), ("virus", "virus"), ("its", "its"), ("GABA", "gaba"),
    ])
    func foldsCaseAndPlurals(word: String, folded: String) {
        #expect(Folding.fold(word) == folded)
    }

    @Test func vocabularyLooksUpWithoutAllocatingStrings() {
        var vocabulary = Vocabulary()
        let phrase = Array("muscle spasm".utf8)
        let muscle = vocabulary.intern(phrase, 0..<6, kind: .word)
        let spasm = vocabulary.intern(phrase, 7..<12, kind: .word)
        let text = Array("MUSCLE SPASMS".utf8)
        #expect(vocabulary.find(text, 0..<6, kind: .word) == muscle)
        #expect(vocabulary.find(text, 7..<13, kind: .word) == spasm)
        #expect(vocabulary.find(Array("musclo".utf8), 0..<6, kind: .word) == nil)
    }

    @Test func vocabularyGrowsPastItsInitialTable() {
        var vocabulary = Vocabulary()
        var ids: [Int32] = []
        for i in 0..<5000 {
            let word = Array("term\(i)x".utf8)
            ids.append(vocabulary.intern(word, 0..<word.count, kind: .word))
        }
        #expect(vocabulary.count == 5000)
        for i in stride(from: 0, to: 5000, by: 97) {
            let word = Array("TERM\(i)X".utf8)
            #expect(vocabulary.find(word, 0..<word.count, kind: .word) == ids[i])
        }
    }
}
