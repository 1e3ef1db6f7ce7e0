import Foundation
import Testing
import ZIPFoundation
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// Batch at scale: zip archives (zips of zips) read in memory, sharding, resume, file lists.
@Suite struct BatchScaleTests {
    static let fixtures = TestSupport.root.appendingPathComponent("Tests/RxFactsTests/Fixtures")

    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "rxfacts-batch-scale-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A zip archive made in memory with ZIPFoundation.
    func zip(_ members: [(name: String, bytes: [UInt8], compressed: Bool)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for member in members {
            let bytes = member.bytes
            try archive.addEntry(
                with: member.name, type: .file, uncompressedSize: Int64(bytes.count),
                compressionMethod: member.compressed ? .deflate : .none
            ) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return [UInt8](try #require(archive.data))
    }

    struct Run {
        var summary: BatchExtractor.Summary
        var records: [Record]
        var lines: [[UInt8]]
        var errors: [InputError]
        var progress: [BatchProgress]
    }

    func run(_ paths: [String], jobs: Int = 2, shard: ShardSpec = .all, done: Set<String> = []) throws -> Run {
        var lines: [[UInt8]] = []
        var errors: [InputError] = []
        var progress: [BatchProgress] = []
        var extractor = BatchExtractor(pipeline: TestSupport.pipeline, jobs: jobs)
        extractor.windowBytes = 1  // many small windows: exercises the windowing
        let summary = extractor.run(
            paths: paths, shard: shard, done: done,
            record: { lines.append($0) }, failure: { errors.append($0) }, progress: { progress.append($0) })
        let records = try lines.map { try JSONDecoder().decode(Record.self, from: Data($0)) }
        return Run(summary: summary, records: records, lines: lines, errors: errors, progress: progress)
    }

    let diazepam = Array("Diazepam belongs to the benzodiazepines. Diazepam may cause drowsiness.\n".utf8)
    let lorazepam = Array("Lorazepam is a benzodiazepine. Do not take lorazepam with alcohol.\n".utf8)
    let alprazolam = Array("Alprazolam is a benzodiazepine used for anxiety; it can cause dependence.\n".utf8)

    @Test func zipOfZipsGivesRecordsOneErrorAndOneSkipped() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spl = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("xml/scheduled-spl.xml")))
        var inner = try zip([
            ("leaflets/diazepam.txt", diazepam, true),
            ("broken.txt", alprazolam, false),
            ("spl/label.xml", spl, true),
        ])
        // Corrupt the stored member in place: its bytes no longer match the CRC-32.
        let at = try #require(inner.firstRange(of: Array("Alprazolam".utf8)))
        inner[at.lowerBound] = UInt8(ascii: "X")
        let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<500).map { UInt8($0 % 251) }
        let outer = try zip([
            ("inner.zip", inner, false),
            ("images/logo.png", image, false),
            ("lorazepam.txt", lorazepam, true),
        ])
        let path = dir + "/outer.zip"
        try Data(outer).write(to: URL(fileURLWithPath: path))

        for jobs in [1, 2] {
            let result = try run([path], jobs: jobs)
            #expect(
                result.records.map(\.document.source) == [
                    path + "!inner.zip!leaflets/diazepam.txt",
                    path + "!inner.zip!spl/label.xml",
                    path + "!lorazepam.txt",
                ])
            #expect(
                result.records.map(\.document.id) == [
                    "inner/leaflets/diazepam", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "lorazepam",
                ])
            #expect(result.records.map(\.document.format) == ["text", "spl", "text"])
            #expect(result.records[0].drugs.first?.name == "diazepam")
            #expect(result.errors.count == 1)
            #expect(result.errors.first?.path == path + "!inner.zip!broken.txt")
            #expect(result.errors.first?.reason.contains("corrupt zip member") == true)
            #expect(result.summary.skipped == 1)
            #expect(result.summary.inputs == 4)
            #expect(result.summary.inputs == result.summary.records + result.summary.errors)
            let last = try #require(result.progress.last)
            #expect(last.filesDone == 1 && last.filesTotal == 1)
            #expect(last.bytesDone == outer.count && last.bytesTotal == outer.count)
            #expect(last.documents == 4)
        }
    }

    @Test func unreadableArchivesAreErrorsAndTheBatchGoesOn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outer = try zip([("bad.zip", Array("not a zip at all".utf8), false), ("a.txt", diazepam, true)])
        try Data(outer).write(to: URL(fileURLWithPath: dir + "/outer.zip"))
        try Data("PK but not really".utf8).write(to: URL(fileURLWithPath: dir + "/fake.zip"))
        try Data(lorazepam).write(to: URL(fileURLWithPath: dir + "/b.txt"))
        let paths = InputCollector.collect([dir, dir + "/missing.zip"])
        #expect(paths == [dir + "/b.txt", dir + "/fake.zip", dir + "/outer.zip", dir + "/missing.zip"])
        let result = try run(paths)
        #expect(result.records.map(\.document.source) == [dir + "/b.txt", dir + "/outer.zip!a.txt"])
        #expect(result.errors.map(\.path) == [dir + "/fake.zip", dir + "/outer.zip!bad.zip", dir + "/missing.zip"])
        #expect(result.summary.inputs == 5 && result.summary.records + result.summary.errors == 5)
    }

    @Test func shardsCoverEveryInputExactlyOnce() throws {
        let paths = (0..<300).map { "corpus/dir\($0 % 7)/leaflet-\($0).txt" }
        for n in 1...6 {
            var seen: [String: Int] = [:]
            for k in 1...n {
                let walker = InputWalker(paths, shard: ShardSpec(index: k, count: n)!)
                var taken = 0
                while let unit = walker.next() {
                    guard case .path(let path, _, _) = unit else {
                        Issue.record("unexpected unit")
                        continue
                    }
                    seen[path, default: 0] += 1
                    taken += 1
                }
                #expect(walker.outOfShard == paths.count - taken)
                if n > 1 { #expect(taken > 0 && taken < paths.count) }
            }
            #expect(Set(seen.keys) == Set(paths))
            #expect(seen.values.allSatisfy { $0 == 1 })
        }
        // By path, not by position: more files elsewhere move no file to another shard.
        let shard = ShardSpec(parsing: "2/4")!
        let before = paths.filter(shard.contains)
        let after = (["new/a.txt", "new/b.txt"] + paths + ["new/c.txt"]).filter(shard.contains)
        #expect(after.filter { !$0.hasPrefix("new/") } == before)
        #expect(ShardSpec(parsing: "0/4") == nil && ShardSpec(parsing: "5/4") == nil && ShardSpec(parsing: "x") == nil)
    }

    @Test func shardsSplitZipMembersAndKeepNestedZipsTogether() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let nested = try zip((0..<4).map { ("n\($0).txt", diazepam, true) })
        var members: [(name: String, bytes: [UInt8], compressed: Bool)] = (0..<20).map {
            ("m\($0).txt", lorazepam, true)
        }
        members.append(("nested.zip", nested, false))
        let path = dir + "/corpus.zip"
        try Data(try zip(members)).write(to: URL(fileURLWithPath: path))
        let all = try run([path]).records.map(\.document.source)
        #expect(all.count == 24)
        for n in 1...4 {
            var sources: [String] = []
            for k in 1...n {
                let part = try run([path], shard: ShardSpec(index: k, count: n)!).records.map(\.document.source)
                let nestedCount = part.filter { $0.contains("!nested.zip!") }.count
                #expect(nestedCount == 0 || nestedCount == 4)
                sources += part
            }
            #expect(sources.sorted() == all.sorted())
        }
    }

    @Test func resumeSkipsDoneDocumentsAndRedoesATruncatedLastLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let texts = [diazepam, lorazepam, alprazolam, diazepam, lorazepam]
        for (i, text) in texts.enumerated() { try Data(text).write(to: URL(fileURLWithPath: dir + "/l\(i).txt")) }
        let paths = InputCollector.collect([dir])
        let full = try run(paths)
        #expect(full.records.count == 5)

        // A run killed in the middle of its third line.
        let output = dir + "/out.jsonl"
        let third = full.lines[2]
        try Data(full.lines[0] + full.lines[1] + third[..<(third.count / 2)]).write(to: URL(fileURLWithPath: output))
        let log = try ResumeLog.read(output)
        #expect(log.records == 2)
        #expect(log.sources == [paths[0], paths[1]])
        #expect(log.droppedBytes == third.count / 2)
        #expect(log.validLength == UInt64(full.lines[0].count + full.lines[1].count))
        try log.truncate(output)
        #expect((try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) == Int(log.validLength))

        let rest = try run(paths, done: log.sources)
        #expect(rest.summary.alreadyDone == 2)
        #expect(rest.records.map(\.document.source) == Array(paths[2...]))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        try handle.seekToEnd()
        handle.write(Data(rest.lines.flatMap { $0 }))
        try handle.close()
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: output))) == full.lines.flatMap { $0 })

        // Resuming a complete output does nothing more.
        let again = try run(paths, done: try ResumeLog.read(output).sources)
        #expect(again.summary.inputs == 0 && again.summary.alreadyDone == 5)
    }

    @Test func resumeRefusesAnOutputThatIsNotRecords() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = dir + "/out.jsonl"
        let good = #"{"schema":"rxfacts/1","document":{"id":"a","source":"a.txt","format":"text"},"drugs":[]}"#
        try Data((good + "\nhello\n" + good + "\n").utf8).write(to: URL(fileURLWithPath: output))
        #expect(throws: InputError.self) { try ResumeLog.read(output) }
        do {
            _ = try ResumeLog.read(output)
        } catch {
            #expect(error.line == 2)
        }
        #expect(try ResumeLog.read(dir + "/none.jsonl").records == 0)
    }

    @Test func fileListsSkipBlankLinesAndComments() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let list = dir + "/list.txt"
        try Data("a.txt\r\n\n# a comment\nsub dir/b.xml\nc.zip".utf8).write(to: URL(fileURLWithPath: list))
        #expect(try InputCollector.readList(list) == ["a.txt", "sub dir/b.xml", "c.zip"])
        #expect(throws: InputError.self) { try InputCollector.readList(dir + "/missing") }
    }
}
