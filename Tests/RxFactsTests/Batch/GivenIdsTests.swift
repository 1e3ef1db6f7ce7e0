import Testing

@testable import RxFacts
@testable import RxFactsBatch

/// `GivenIds` answers as the dictionary of strings it replaced: same ids, hashes and sources,
/// the same conflicts named with the same earlier source.
@Suite struct GivenIdsTests {
    @Test func answersAsADictionaryOfStrings() {
        var generator = SplitMix64(seed: 7)
        var given = GivenIds()
        var reference: [String: (source: String, contentHash: String?)] = [:]
        let hashes: [String?] = [
            nil, "00000000000000ff", "0123456789abcdef", "fedcba9876543210", "not-hex", "ABCDEF0123456789",
        ]
        var conflicts = 0
        for n in 0..<5_000 {
            // Ids repeat often; sources share long prefixes (labels in one zip), and some are short.
            let id = "id-\(Int.random(in: 0..<1_500, using: &generator))"
            let source =
                n % 7 == 0
                ? "s\(n)" : "/data/release/part\(n / 400).zip!prescription/2024\(n % 13)_\(id).zip!\(id).xml"
            let hash = hashes.randomElement(using: &generator)!
            let earlier = given.give(id, source: source, contentHash: hash)
            if let first = reference[id], first.contentHash != hash || hash == nil {
                conflicts += 1
                #expect(earlier?.source == first.source, "entry \(n)")
                #expect(earlier?.contentHash == first.contentHash, "entry \(n)")
                continue
            }
            #expect(earlier == nil, "entry \(n)")
            reference[id] = (source, hash)
        }
        #expect(given.count == reference.count)
        #expect(conflicts > 1_000)
    }

    @Test func manyDistinctIdsNeverConflict() {
        // Twenty thousand distinct ids (short, alike): none conflicts until one is given again.
        var given = GivenIds()
        for n in 0..<20_000 { #expect(given.give("\(n)", source: "x", contentHash: nil) == nil) }
        #expect(given.give("19999", source: "y", contentHash: nil)?.source == "x")
    }
}
