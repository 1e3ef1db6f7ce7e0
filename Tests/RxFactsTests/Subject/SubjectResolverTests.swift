import Testing
@testable import RxFacts

/// The subject stage: which drug each sentence is about.
@Suite struct SubjectResolverTests {
    @Test func theRacemateSpeaksForItsEnantiomer() throws {
        let record = try TestSupport.record(
            """
            Dextroamphetamine is a stimulant used for narcolepsy.
            Amphetamines may delay the intestinal absorption of phenytoin.
            """, path: "dextroamphetamine.txt")
        #expect(record.drugs.map(\.name) == ["dextroamphetamine"])
        #expect(record.fact(.combination, "phenytoin") != nil)
        // The racemate is the drug itself, not something it is combined with.
        #expect(record.fact(.combination, "amphetamine") == nil)
    }
}
