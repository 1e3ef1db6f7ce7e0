import Testing

@testable import RxFacts
@testable import RxFactsBatch

/// The assembler finds a sentence's terms by the token they start or end at with a binary search
/// (a scan per question was quadratic in a long sentence); it must answer as the scan did.
@Suite struct TermsByTokenTests {
    @Test func searchesAnswerAsAScanOfTheSentenceDoes() throws {
        let doc = try TestSupport.pipeline.analyze(InputCollector.read(TestSupport.seedPath))
        var questions = 0
        for (s, sentence) in doc.sentences.enumerated() {
            let terms = doc.terms[...].filter { $0.sentence == s }[...]
            let byToken = FactAssembler.TermsByToken(terms)
            for t in sentence.tokens.lowerBound...sentence.tokens.upperBound {
                // Every term, and only long ones: the predicate is honoured, not just the position.
                for predicate in [{ (_: Mention) in true }, { (m: Mention) in m.tokens.count > 1 }] {
                    #expect(
                        byToken.any(startingAt: t, where: predicate)
                            == terms.contains { $0.tokens.lowerBound == t && predicate($0) })
                    #expect(
                        byToken.any(endingAt: t, where: predicate)
                            == terms.contains { $0.tokens.upperBound == t && predicate($0) })
                    questions += 1
                }
                let first = FactRuleMatcher.firstIndex(in: terms, startingAtOrAfter: t)
                #expect(first == (terms.firstIndex { $0.tokens.lowerBound >= t } ?? terms.endIndex))
            }
        }
        #expect(questions > 100)
        #expect(doc.terms.contains { $0.tokens.count > 1 }, "the seed has terms of several tokens")
    }

    @Test func scopeRangesAnswerAsAScanDoes() {
        // Overlapping, nested, empty and unordered ranges, few (a scan) and many (the search).
        var generator = SplitMix64(seed: 15)
        for count in [0, 1, 5, 9, 40, 300] {
            let ranges = (0..<count).map { _ -> Range<Int> in
                let start = Int.random(in: 0..<500, using: &generator)
                return start..<(start + Int.random(in: 0..<30, using: &generator))
            }
            let lookup = FactAssembler.ScopeLookup.Ranges(ranges)
            for offset in -1...531 {
                #expect(
                    lookup.contains(offset) == ranges.contains { $0.contains(offset) }, "\(count) ranges, \(offset)")
            }
        }
    }
}

/// A seeded generator, so the ranges are the same at every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
