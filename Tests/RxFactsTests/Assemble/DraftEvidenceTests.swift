import Testing
@testable import RxFacts

/// A fact being assembled takes each source span once, however many pieces of evidence it has
/// (a short list first, a set past sixteen).
@Suite struct DraftEvidenceTests {
    @Test func eachSpanIsClaimedOnce() {
        var draft = FactAssembler.Draft(
            fact: Fact(type: .adverseEffect, value: "drowsiness", evidence: [], rule: "test"))
        var random = SplitMix64(seed: 9)
        var taken: Set<Range<Int>> = []
        for _ in 0..<400 {
            let start = Int.random(in: 0..<60, using: &random)
            let span = start..<(start + Int.random(in: 1..<4, using: &random))
            #expect(draft.claim(span) == taken.insert(span).inserted, "\(span)")
        }
        #expect(taken.count > 16)
    }
}
