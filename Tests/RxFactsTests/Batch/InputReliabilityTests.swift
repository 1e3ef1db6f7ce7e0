import Foundation
import Testing
import ZIPFoundation
@testable import RxFacts
@testable import RxFactsBatch

/// Bad inputs a batch meets: every one ends as a record or an error entry, none ends the walk,
/// none crashes (issue 13: zip members, bounded reads, directory walks).
@Suite struct InputReliabilityTests {
    let aspirin = Array("Aspirin is used to treat pain.\n".utf8)
    let diazepam = Array("Diazepam belongs to the benzodiazepines.\n".utf8)

    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "rxfacts-reliability-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func zip(_ members: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in members {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return [UInt8](try #require(archive.data))
    }

    /// Sets general-purpose flag bit 0 (encrypted) of the member named `name`, in its local
    /// header and its central-directory entry, as `zip -P` would.
    func markEncrypted(_ archive: inout [UInt8], _ name: String) throws {
        let nameBytes = Array(name.utf8)
        var at = 0
        var marked = 0
        while at + 46 < archive.count {
            let signature = Array(archive[at..<(at + 4)])
            if signature == [0x50, 0x4B, 0x03, 0x04],
                Array(archive[(at + 30)..<(at + 30 + nameBytes.count)]) == nameBytes
            {
                archive[at + 6] |= 1
                marked += 1
            }
            if signature == [0x50, 0x4B, 0x01, 0x02],
                Array(archive[(at + 46)..<(at + 46 + nameBytes.count)]) == nameBytes
            {
                archive[at + 8] |= 1
                marked += 1
            }
            at += 1
        }
        #expect(marked == 2)
    }

    struct Run {
        var summary: BatchExtractor.Summary
        var sources: [String]
        var errors: [InputError]
    }

    func run(
        _ paths: [String], maxDocumentBytes: Int = BatchExtractor.defaultMaxDocumentBytes,
        problems: [String: InputError] = [:]
    ) throws -> Run {
        var lines: [[UInt8]] = []
        var errors: [InputError] = []
        var extractor = BatchExtractor(pipeline: TestSupport.pipeline, jobs: 2)
        extractor.maxDocumentBytes = maxDocumentBytes
        let summary = extractor.run(
            paths: paths, problems: problems, record: { lines.append($0) }, failure: { errors.append($0) })
        let sources = try lines.map { try JSONDecoder().decode(Record.self, from: Data($0)).document.source }
        #expect(summary.inputs == summary.records + summary.errors)
        return Run(summary: summary, sources: sources, errors: errors)
    }

    // MARK: Zip archives

    @Test func anEncryptedMemberIsAnErrorAndLaterMembersAreRead() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var archive = try zip([("a.txt", aspirin), ("secret.txt", diazepam), ("c.txt", diazepam), ("d.txt", aspirin)])
        try markEncrypted(&archive, "secret.txt")
        let path = dir + "/e.zip"
        try Data(archive).write(to: URL(fileURLWithPath: path))
        let result = try run([path])
        #expect(result.sources == [path + "!a.txt", path + "!c.txt", path + "!d.txt"])
        #expect(result.errors.map(\.path) == [path + "!secret.txt"])
        #expect(result.errors.first?.reason.contains("encrypted") == true)
    }

    @Test func anEncryptedMemberOfANestedZipIsAnErrorToo() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var inner = try zip([("secret.txt", diazepam), ("b.txt", aspirin)])
        try markEncrypted(&inner, "secret.txt")
        let outer = try zip([("inner.zip", inner), ("c.txt", diazepam)])
        let path = dir + "/outer.zip"
        try Data(outer).write(to: URL(fileURLWithPath: path))
        let result = try run([path])
        #expect(result.sources == [path + "!inner.zip!b.txt", path + "!c.txt"])
        #expect(result.errors.map(\.path) == [path + "!inner.zip!secret.txt"])
    }

    @Test func aMemberWhoseHeaderUnderstatesItsSizeIsCutOffAtTheLimit() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let big = Array(String(repeating: "Aspirin is used to treat pain. ", count: 70_000).utf8)  // 2.1 MB
        var archive = try zip([("big.txt", big), ("ok.txt", aspirin)])
        // Both headers of big.txt (the first member) claim 100 bytes uncompressed.
        let local = 0
        archive.replaceSubrange((local + 22)..<(local + 26), with: [100, 0, 0, 0])
        let central = try #require(archive.firstRange(of: [0x50, 0x4B, 0x01, 0x02])).lowerBound
        archive.replaceSubrange((central + 24)..<(central + 28), with: [100, 0, 0, 0])
        let path = dir + "/lie.zip"
        try Data(archive).write(to: URL(fileURLWithPath: path))
        let result = try run([path], maxDocumentBytes: 1 << 20)
        #expect(result.sources == [path + "!ok.txt"])
        #expect(result.errors.map(\.path) == [path + "!big.txt"])
        #expect(result.errors.first?.reason.contains("inflates past the limit of 1048576 bytes") == true)
    }

    @Test func theDirectoryOfAnArchiveIsReadWithBoundsChecks() throws {
        let archive = try zip([("a.txt", aspirin), ("dir/b.txt", diazepam)])
        let directory = try #require(ZipDirectory(data: Data(archive)))
        #expect(directory.members.map(\.path) == ["a.txt", "dir/b.txt"])
        #expect(directory.members.allSatisfy { !$0.isEncrypted })
        // Cut anywhere, or with a count the directory cannot hold: nil, never a trap.
        for cut in stride(from: 0, to: archive.count, by: 7) {
            _ = ZipDirectory(data: Data(archive[..<cut]))
        }
        var lying = archive
        let eocd = try #require(lying.lastRange(of: [0x50, 0x4B, 0x05, 0x06])).lowerBound
        lying[eocd + 10] = 0xFF
        lying[eocd + 11] = 0x7F
        #expect(ZipDirectory(data: Data(lying)) == nil)
    }

    // MARK: Bounded reads

    @Test func aFileOverTheDocumentLimitIsAnErrorNamingTheLimit() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let big = dir + "/big.txt"
        try Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1).write(to: URL(fileURLWithPath: big))
        try Data(aspirin).write(to: URL(fileURLWithPath: dir + "/small.txt"))
        let result = try run([big, dir + "/small.txt"], maxDocumentBytes: 1 << 20)
        #expect(result.sources == [dir + "/small.txt"])
        #expect(result.errors.map(\.path) == [big])
        #expect(result.errors.first?.reason.contains("over the limit of 1 MiB") == true)
    }

    @Test func aDocumentTheTokenOffsetsCannotAddressIsRefusedBeforeAnyStage() throws {
        var pipeline = TestSupport.pipeline
        pipeline.documentByteLimit = 64
        let input = SourceInput(
            path: "long.txt", bytes: Array(String(repeating: "Aspirin treats pain. ", count: 10).utf8))
        #expect(throws: InputError.self) { try pipeline.extract(input) }
        do {
            _ = try pipeline.extract(input)
        } catch {
            #expect(error.reason.contains("over the limit of 64 bytes"))
        }
        #expect(Pipeline.maxDocumentBytes == Int(Int32.max))
        #expect(TestSupport.pipeline.documentByteLimit == Int(Int32.max))
    }

    /// Every fixture of the test suite and every corpus file, each named on the command line
    /// (so none is skipped by a directory walk's filter): each ends as records or error entries,
    /// and `inputs = records + errors` over all of them (issue 13's closing condition).
    @Test func everyFixtureAndCorpusFileEndsAsRecordsOrErrors() throws {
        var files: [String] = []
        for folder in ["Tests/RxFactsTests/Fixtures", "Corpus/text", "Corpus/spl"] {
            let root = TestSupport.path(folder)
            for case let name as String in FileManager.default.enumerator(atPath: root)! {
                var isDirectory: ObjCBool = false
                let path = root + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(path)
                }
            }
        }
        files.sort()
        #expect(files.count > 60)
        let result = try run(files)
        #expect(result.summary.inputs >= files.count)
        #expect(result.summary.inputs == result.sources.count + result.errors.count)
        // Every file named is accounted for: as a record's source, an error's path, or the
        // archive its members came from.
        let accounted = Set(result.sources + result.errors.map(\.path)).map {
            $0.split(separator: "!").first.map(String.init) ?? $0
        }
        #expect(Set(files).subtracting(accounted).isEmpty, "\(Set(files).subtracting(accounted).sorted())")
    }

    // MARK: Directory walks

    @Test func symlinkCyclesDanglingLinksAndBadNamesAreErrorsNotLoopsOrSilence() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try Data(aspirin).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        try fm.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try Data(diazepam).write(to: URL(fileURLWithPath: dir + "/sub/b.txt"))
        try fm.createSymbolicLink(atPath: dir + "/loop", withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: dir + "/sub/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir + "/dangling.txt", withDestinationPath: "nowhere.txt")
        try fm.createSymbolicLink(atPath: dir + "/self.txt", withDestinationPath: "self.txt")
        // A name that is not UTF-8, made with the raw bytes.
        let badName = Array((dir + "/bad").utf8) + [0xFF] + Array(".txt".utf8)
        let created = badName.withUnsafeBufferPointer { buffer -> Bool in
            let path = Array(buffer) + [0]
            return path.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) { creat($0, 0o644) >= 0 }
            }
        }
        #expect(created)

        let collected = InputCollector.gather([dir])
        let paths = collected.paths
        let problems = collected.problems
        #expect(paths.count == 7)
        #expect(Set(problems.keys) == Set(paths).subtracting([dir + "/a.txt", dir + "/sub/b.txt"]))
        #expect(problems[dir + "/loop"]?.reason.contains("already walked") == true)
        #expect(problems[dir + "/sub/up"]?.reason.contains("already walked") == true)
        #expect(problems[dir + "/dangling.txt"]?.reason.contains("leads nowhere") == true)
        #expect(problems[dir + "/self.txt"]?.reason.contains("leads nowhere") == true)
        #expect(problems.values.contains { $0.kind == .encoding && $0.reason.contains("not valid UTF-8") })

        let result = try run(paths, problems: problems)
        #expect(result.summary.inputs == 7)
        #expect(result.sources == [dir + "/a.txt", dir + "/sub/b.txt"])
        #expect(result.errors.count == 5)
    }

    @Test func markdownLeafletsAreReadFromDirectories() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(aspirin).write(to: URL(fileURLWithPath: dir + "/leaflet.md"))
        try Data(aspirin).write(to: URL(fileURLWithPath: dir + "/README.md"))
        try Data(aspirin).write(to: URL(fileURLWithPath: dir + "/x.expected.md"))
        #expect(InputCollector.collect([dir]) == [dir + "/leaflet.md"])
    }

    // MARK: Messages

    @Test func fileNamesWithNewlinesAndEscapesAreShownEscaped() {
        let error = InputError(.unreadable, path: "evil\n\u{1B}[2Jname.txt", reason: "no such file\r")
        #expect(error.description == "evil\\n\\x1B[2Jname.txt: no such file\\r")
        #expect(Printable.escaped("plain café") == "plain café")
    }
}
