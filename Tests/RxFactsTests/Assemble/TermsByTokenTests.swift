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
}
