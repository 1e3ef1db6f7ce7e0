import Foundation
import Testing
@testable import RxFacts

/// The file-hash memo behind the pipeline fingerprint and the compiled-knowledge key (issue 15):
/// an unchanged file is not read again, a changed one always is, and the memo survives the process.
@Suite struct FileDigestsTests {
    static func scratch() throws -> String {
        let root =
            FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-digests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    static func expected(_ text: String) -> String {
        "\(text.utf8.count) \(ContentHash.fnv1a64Hex(Array(text.utf8)))"
    }

    @Test func anUnchangedFileIsRememberedAcrossRuns() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/terms.tsv"
        try "drug\tdiazepam\n".write(toFile: file, atomically: false, encoding: .utf8)
        var first = FileDigests(directory: root + "/cache", settle: 0)
        #expect(first.remembered(file) == nil)
        #expect(first.digest(file) == Self.expected("drug\tdiazepam\n"))
        first.save()
        let second = FileDigests(directory: root + "/cache", settle: 0)
        #expect(second.remembered(file) == Self.expected("drug\tdiazepam\n"))
    }

    @Test func aChangedFileIsHashedAgainEvenAtTheSameSize() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/terms.tsv"
        try "drug\tdiazepam\n".write(toFile: file, atomically: false, encoding: .utf8)
        var digests = FileDigests(directory: root + "/cache", settle: 0)
        _ = digests.digest(file)
        digests.save()
        // Same length, other bytes. File times are coarse (a write in the same tick keeps them):
        // that is why a file is remembered only once it has settled; here the time is moved.
        try "drug\tdiazepan\n".write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: file)
        var again = FileDigests(directory: root + "/cache", settle: 0)
        #expect(again.remembered(file) == nil)
        #expect(again.digest(file) == Self.expected("drug\tdiazepan\n"))
    }

    @Test func aFileJustWrittenIsNotRemembered() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/terms.tsv"
        try "drug\tdiazepam\n".write(toFile: file, atomically: false, encoding: .utf8)
        var digests = FileDigests(directory: root + "/cache", settle: 3600)
        #expect(digests.digest(file) == Self.expected("drug\tdiazepam\n"))
        digests.save()
        #expect(FileDigests(directory: root + "/cache").remembered(file) == nil)
    }

    @Test func withoutADirectoryEveryFileIsHashed() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/terms.tsv"
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        var digests = FileDigests(directory: nil, settle: 0)
        #expect(digests.digest(file) == Self.expected("x"))
        digests.save()
        #expect(digests.digest(root + "/missing.tsv") == nil)
    }
}
