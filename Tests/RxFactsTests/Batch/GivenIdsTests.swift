import Foundation
import Testing

@testable import RxFacts
@testable import RxFactsBatch

/// `GivenIds` answers as the dictionary of strings it replaced: same ids, hashes and sources,
/// the same conflicts named with the same earlier source.
@Suite struct GivenIdsTests {
    /// Both ways of keeping ids and sources: spilled to a file (the default) and in memory (no
    /// writable directory).
    @Test(arguments: [true, false]) func answersAsADictionaryOfStrings(spilling: Bool) {
        var generator = SplitMix64(seed: 7)
        let given = GivenIds(spillDirectory: spilling ? FileManager.default.temporaryDirectory.path : nil)
        #expect(given.isSpilling == spilling)
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

    /// The spill file has no name in its directory from the start (nothing is left behind, even
    /// by a killed run), and entries written to it long ago are read back exactly.
    @Test func theSpillFileLeavesNoNameAndReadsBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let given = GivenIds(spillDirectory: directory.path)
        #expect(given.isSpilling)
        // ~1.5 MB of ids and sources: many blocks written to the file before the lookups.
        for n in 0..<10_000 {
            let id = "0b2d7f3e-\(n)-4c1a-9e55-a7c3f1d2e8b0"
            #expect(
                given.give(
                    id, source: "release/part1.zip!prescription/\(id).zip!\(id).xml", contentHash: "00000000000000aa")
                    == nil)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        let first = given.give(
            "0b2d7f3e-0-4c1a-9e55-a7c3f1d2e8b0", source: "other.xml", contentHash: "00000000000000bb")
        #expect(
            first?.source
                == "release/part1.zip!prescription/0b2d7f3e-0-4c1a-9e55-a7c3f1d2e8b0.zip!0b2d7f3e-0-4c1a-9e55-a7c3f1d2e8b0.xml"
        )
        #expect(first?.contentHash == "00000000000000aa")
        let last = given.give("0b2d7f3e-9999-4c1a-9e55-a7c3f1d2e8b0", source: "other.xml", contentHash: nil)
        #expect(last?.source.hasSuffix("0b2d7f3e-9999-4c1a-9e55-a7c3f1d2e8b0.xml") == true)
        #expect(given.count == 10_000)
    }

    @Test func anUnwritableDirectoryKeepsThemInMemory() {
        let given = GivenIds(spillDirectory: "/nonexistent/rxfacts-\(UUID().uuidString)")
        #expect(!given.isSpilling)
        #expect(given.give("a", source: "x.xml", contentHash: "00000000000000aa") == nil)
        #expect(given.give("a", source: "y.xml", contentHash: "00000000000000bb")?.source == "x.xml")
    }

    /// A read may start in the file and end in the bytes not written yet.
    @Test func aLogReadSpansTheFileAndMemory() {
        let log = SpillLog(directory: FileManager.default.temporaryDirectory.path)
        #expect(log.isSpilling)
        let bytes = (0..<(SpillLog.block + 100)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        log.append(bytes)
        #expect(log.memoryBytes == 0)
        let more: [UInt8] = Array(repeating: 7, count: 50)
        #expect(log.append(more) == UInt64(bytes.count))
        #expect(log.memoryBytes == 50)
        #expect(log.read(UInt64(bytes.count - 10), 30) == Array(bytes.suffix(10)) + Array(more.prefix(20)))
        #expect(log.read(5, 3) == Array(bytes[5..<8]))
        #expect(log.read(log.count - 1, 2) == nil)
    }

    @Test func manyDistinctIdsNeverConflict() {
        // Twenty thousand distinct ids (short, alike): none conflicts until one is given again.
        let given = GivenIds()
        for n in 0..<20_000 { #expect(given.give("\(n)", source: "x", contentHash: nil) == nil) }
        #expect(given.give("19999", source: "y", contentHash: nil)?.source == "x")
    }
}
