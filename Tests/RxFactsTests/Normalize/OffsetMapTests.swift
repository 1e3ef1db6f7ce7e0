import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct OffsetMapTests {
    @Test func copyRunsAreLinear() {
        let map = OffsetMap.identity(count: 10)
        #expect(map.sourceRange(2..<5) == 2..<5)
    }

    @Test func replacedRunsMapToTheirWholeSource() {
        // "a’b" (’ is 3 bytes) normalized to "a'b".
        var map = OffsetMap()
        map.copy(sourceStart: 0, count: 1)
        map.replace(sourceStart: 1, sourceCount: 3, outputCount: 1)
        map.copy(sourceStart: 4, count: 1)
        #expect(map.sourceRange(0..<3) == 0..<5)
        #expect(map.sourceRange(1..<2) == 1..<4)
        #expect(map.sourceRange(2..<3) == 4..<5)
    }
}
