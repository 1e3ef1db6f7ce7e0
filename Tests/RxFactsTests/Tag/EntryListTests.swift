import Testing

@testable import RxFacts

/// A mention's entries: one kept inline, several in an array; the same entries compare and hash
/// the same however kept, and the automaton hands out exactly the payloads added.
@Suite struct EntryListTests {
    @Test func oneAndSeveralBehaveAsArrays() {
        let one = EntryList(one: 7)
        #expect(Array(one) == [7])
        #expect(one == [7] && one == EntryList([7]))
        #expect(one.hashValue == EntryList([Int32(7)]).hashValue)
        var several: EntryList = [3, 7, 9]
        #expect(several.count == 3 && several[1] == 7 && several.first(where: { $0 > 5 }) == 7)
        several.removeAll { $0 != 7 }
        #expect(several == one && several.hashValue == one.hashValue)
        several.removeAll()
        #expect(several.isEmpty && several == [])
        several.append(4)
        several.append(5)
        #expect(Array(several) == [4, 5])
        #expect(several.filter { $0 == 5 } == [5])
        #expect(EntryList() != one)
    }

    @Test func theAutomatonGivesThePayloadsAdded() {
        var automaton = PhraseAutomaton(layers: 2)
        var vocabulary = Vocabulary()
        automaton.add("chest pain", payload: 4, layer: 0, vocabulary: &vocabulary)
        automaton.add("chest pain", payload: 4, layer: 0, vocabulary: &vocabulary)
        automaton.add("pain", payload: 1, layer: 0, vocabulary: &vocabulary)
        automaton.add("pain", payload: 0, layer: 0, vocabulary: &vocabulary)
        automaton.add("pain", payload: 2, layer: 0, vocabulary: &vocabulary)
        automaton.add("pain", payload: 9, layer: 1, vocabulary: &vocabulary)
        func payloads(_ phrase: String, layer: Int) -> [Int32]? {
            var state: Int32 = 0
            let bytes = Array(phrase.utf8)
            var tokens: [Token] = []
            Tokenizer.scan(bytes, 0..<bytes.count, into: &tokens)
            for token in tokens {
                guard let key = vocabulary.find(bytes, token.range, kind: token.kind) else { return nil }
                state = automaton.step(state, key)
                if state < 0 { return nil }
            }
            return automaton.payloads(at: state, layer: layer).map(Array.init)
        }
        #expect(payloads("chest pain", layer: 0) == [4])
        #expect(payloads("pain", layer: 0) == [1, 0, 2])
        #expect(payloads("pain", layer: 1) == [9])
        #expect(payloads("chest pain", layer: 1) == nil)
        #expect(payloads("chest", layer: 0) == nil)
    }
}
