import Testing
@testable import RxFacts

/// A class that labels the drug named just before it is no combination of its own, also when
/// words stand between the article and the class ("pethidine (a strong pain killer)"). Short
/// texts written for this test.
@Suite struct AppositionTests {
    @Test func aLabelWithAnAdjectiveIsStillALabel() throws {
        let record = try TestSupport.record(
            """
            ## 1. What Zelmora is and what it is used for
            Zelmora contains the active substance duloxetine.

            ## 2. What you need to know before you take Zelmora
            Do not take Zelmora if you are taking:
            - pethidine (a strong pain killer)
            - linezolid (an antibiotic)
            """, path: "zelmora.txt")
        #expect(record.fact(.combination, "meperidine") != nil)
        #expect(record.fact(.combination, "linezolid") != nil)
        #expect(record.fact(.combination, "analgesic") == nil)
        #expect(record.fact(.combination, "antibiotic") == nil)
    }
}
