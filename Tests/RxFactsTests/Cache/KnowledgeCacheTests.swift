import Foundation
import Testing
@testable import RxFacts

/// The compiled-knowledge cache (issue 15): a start compiles the lexicons once, writes them to the
/// cache directory, and later starts read them back; a changed lexicon is compiled afresh, never
/// read stale; an unwritable directory silently means compiling in memory. Every case checks that
/// what comes back matches what the lexicon files compile to.
@Suite struct KnowledgeCacheTests {
    /// A temporary folder with two small lexicon files (a spelling rule in the first applies to
    /// the second) and a cache directory below it.
    struct Scratch {
        let root: String
        var files: [String] { [root + "/spellings.tsv", root + "/terms.tsv"] }
        var cache: String { root + "/cache" }

        init() throws {
            root =
                FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-cache-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try "# rxfacts-lexicon/1\nspelling\toedema\toedema|edema\t-\n".write(
                toFile: files[0], atomically: true, encoding: .utf8)
            try """
            # rxfacts-lexicon/1
            drug\tdiazepam\tdiazepam|Valium\trxcui:3322\tclass=benzodiazepine
            effect\tpulmonary oedema\tpulmonary oedema\t-\t-
            class\tbenzodiazepine\tbenzodiazepines\t-\t-

            """.write(toFile: files[1], atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        /// The first load, which must build the artifact: its path.
        func buildArtifact() throws -> String {
            let (_, first) = try KnowledgeCache.load(files: files, directory: cache)
            guard case .built(let path) = first else { throw NotBuilt(outcome: "\(first)") }
            return path
        }

        /// The first load did not build an artifact.
        struct NotBuilt: Error { var outcome: String }

        var artifacts: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasSuffix(".rxk") }
                .sorted()
        }
    }

    /// The phrases of `compiled` matched over `text`: canonical names of the term layer's entries.
    static func terms(_ text: String, _ compiled: KnowledgeCache.Compiled) -> [String] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        Tokenizer.scan(bytes, 0..<bytes.count, into: &tokens)
        for t in tokens.indices {
            tokens[t].key = compiled.vocabulary.find(bytes, tokens[t].range, kind: tokens[t].kind) ?? Token.unknownKey
        }
        var mentions: [Mention] = []
        let positions = tokens.indices.filter { !PhraseAutomaton.isSkipped(tokens[$0], bytes) }
        compiled.phrases.matches(
            tokens: tokens, positions: Array(positions), sentence: 0, layer: PhraseLayer.terms, into: &mentions)
        return mentions.flatMap { $0.entries.map { compiled.lexicon.entries[Int($0)].canonical } }
    }

    static let sample = "Valium and other benzodiazepines rarely cause pulmonary edema."

    @Test func builtThenReusedWithTheSameContent() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let fresh = try KnowledgeCache.compile(files: scratch.files)
        let (built, first) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        guard case .built(let path) = first else {
            Issue.record("first load: \(first)")
            return
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let (reused, second) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        #expect(second == .reused(path: path))
        #expect(scratch.artifacts.count == 1)
        for compiled in [built, reused] {
            #expect(compiled.lexicon.entries == fresh.lexicon.entries)
            #expect(compiled.lexicon.spellings == fresh.lexicon.spellings)
            #expect(compiled.phrases.states == fresh.phrases.states)
            #expect(compiled.vocabulary.count == fresh.vocabulary.count)
            #expect(Self.terms(Self.sample, compiled) == ["diazepam", "benzodiazepine", "pulmonary oedema"])
        }
    }

    /// The entries by kind and name come back from the artifact as a fresh index builds them:
    /// every entry of a name, in lexicon order, drugs and substances of one name apart.
    @Test func nameLookupsFromTheArtifactMatchAFreshIndex() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try """
        # rxfacts-lexicon/1
        drug\tcodeine\tcodeine\trxcui:2670\tschedule=CII
        substance\tcodeine\tcodeine phosphate\t-\t-
        drug\tcodeine\tcodein\tdrugbank:DB00318\t-
        class\topioid\topioids\tepc:N0000175690\t-

        """.write(toFile: scratch.files[1], atomically: true, encoding: .utf8)
        let fresh = LexiconIndex(lexicon: try KnowledgeCache.compile(files: scratch.files).lexicon)
        _ = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        let (reused, outcome) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        guard case .reused = outcome else {
            Issue.record("second load: \(outcome)")
            return
        }
        let cached = LexiconIndex(lexicon: reused.lexicon, names: reused.names)
        for (kind, name) in [("drug", "codeine"), ("substance", "codeine"), ("class", "opioid"), ("drug", "opioid")] {
            #expect(cached.entryIndices(kind: kind, named: name) == fresh.entryIndices(kind: kind, named: name))
            #expect(cached.entryIndex(kind: kind, named: name) == fresh.entryIndex(kind: kind, named: name))
        }
        #expect(cached.entryIndices(kind: "drug", named: "codeine") == [0, 2])
        #expect(cached.lexicon.entries[2].codes == ["drugbank:DB00318"])
        #expect(cached.lexicon.entries[0].firstCode == "rxcui:2670")
    }

    /// A shared cache directory keeps the `kept` newest artifacts: one read at every start must
    /// count as new, or artifacts written once by other builds evict it and every start compiles.
    @Test func aReusedArtifactIsKeptBeforeNewerUnusedOnes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.buildArtifact()
        let anHourAgo = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: path)
        // Newer artifacts written by other builds, as many as the directory keeps.
        for i in 0..<KnowledgeCache.kept {
            let other = scratch.cache + "/lexicon-other\(i).rxk"
            try Data("other build".utf8).write(to: URL(fileURLWithPath: other))
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: other)
        }
        let (_, second) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        #expect(second == .reused(path: path))
        KnowledgeCache.removeOldArtifacts(in: scratch.cache)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(scratch.artifacts.count == KnowledgeCache.kept)
    }

    /// The same lexicon files named another way (another working directory, `.` in the path, a
    /// symbolic link) reuse the artifact, and its entries name their files as this start does:
    /// exactly what compiling them now would give, whichever start wrote the artifact.
    @Test func theSameFilesNamedAnotherWayReuseTheArtifact() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.buildArtifact()
        let link = scratch.root + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scratch.root)
        let other = [scratch.root + "/./spellings.tsv", link + "/terms.tsv"]
        let (reused, outcome) = try KnowledgeCache.load(files: other, directory: scratch.cache)
        #expect(outcome == .reused(path: path))
        #expect(scratch.artifacts.count == 1)
        let fresh = try KnowledgeCache.compile(files: other)
        #expect(reused.lexicon.entries == fresh.lexicon.entries)
        #expect(Set(reused.lexicon.entries.map(\.file)) == [link + "/terms.tsv"])
    }

    @Test func aChangedLexiconIsCompiledAgainNeverReadStale() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (_, first) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        // Same size, one letter changed: the content hash, not the size or date, tells.
        let edited = try String(contentsOfFile: scratch.files[1], encoding: .utf8).replacingOccurrences(
            of: "Valium", with: "Valiun")
        try edited.write(toFile: scratch.files[1], atomically: true, encoding: .utf8)
        let (compiled, second) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        guard case .built(let path) = second else {
            Issue.record("after the edit: \(second)")
            return
        }
        #expect(first != second)
        #expect(Self.terms("Valium", compiled).isEmpty)
        #expect(Self.terms("Valiun", compiled) == ["diazepam"])
        let (_, third) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        #expect(third == .reused(path: path))
    }

    @Test func aCorruptArtifactIsCompiledAgain() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.buildArtifact()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        let (compiled, second) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        #expect(second == .built(path: path))
        #expect(Self.terms(Self.sample, compiled) == ["diazepam", "benzodiazepine", "pulmonary oedema"])
    }

    /// An artifact cut anywhere — in a count, a string, a large array — or with a count larger
    /// than what follows is refused by the reader, never read past its end; the whole one reads.
    @Test func everyTruncationIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.buildArtifact()
        let key = String(path.split(separator: "/").last!.dropFirst("lexicon-".count).dropLast(".rxk".count))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(KnowledgeCache.read(path, key: key) != nil)
        let cuts =
            [0, 1, 7, 8, 9, 40, 100] + stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)).map { $0 }
            + [bytes.count - 9, bytes.count - 1]
        for cut in cuts where cut < bytes.count {
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
            #expect(KnowledgeCache.read(path, key: key) == nil, "cut at \(cut) of \(bytes.count)")
        }
        // A huge count right after the header.
        var huge = bytes
        let header = 8 + "rxfacts compiled knowledge".utf8.count + 8
        huge.replaceSubrange(header..<(header + 8), with: repeatElement(0x7F, count: 8))
        try huge.write(to: URL(fileURLWithPath: path))
        #expect(KnowledgeCache.read(path, key: key) == nil)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(KnowledgeCache.read(path, key: key) != nil)
    }

    /// Entries in several scripts, with accents and emoji in names, forms and attributes.
    static let worldwide = """
        # rxfacts-lexicon/1
        drug\tacide valproïque\tacide valproïque|Dépakine®\trxcui:11118 unii:614OI1Z5WI\tclass=anticonvulsivant
        effect\t头痛\t头痛|头疼\t-\tnote=😀 mild
        brand\tÖkotab\tÖkotab\t-\tingredient=acide valproïque|diazepam
        class\tbenzodiazepine\tbenzodiazepines\t-\t-

        """

    /// Entries come back from the artifact as their lexicon lines make them, whatever their
    /// text: accents, other scripts and emoji in names, forms and attributes.
    @Test func entriesWithAnyTextComeBackTheSame() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.worldwide.write(toFile: scratch.files[1], atomically: true, encoding: .utf8)
        let fresh = try KnowledgeCache.compile(files: scratch.files)
        _ = try scratch.buildArtifact()
        let (reused, outcome) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache)
        guard case .reused = outcome else {
            Issue.record("second load: \(outcome)")
            return
        }
        #expect(reused.lexicon.entries == fresh.lexicon.entries)
        for (cached, compiled) in zip(reused.lexicon.entries, fresh.lexicon.entries) {
            #expect(cached.canonical == compiled.canonical)
            #expect(cached.variants == compiled.variants)
            #expect(cached.codes == compiled.codes)
            #expect(cached.attributes == compiled.attributes)
        }
        let valproate = reused.lexicon.entries[0]
        #expect(valproate.variants == ["acide valproïque", "Dépakine®"])
        #expect(valproate.codes == ["rxcui:11118", "unii:614OI1Z5WI"])
        #expect(valproate.firstCode == "rxcui:11118")
        #expect(valproate.attribute("class") == "anticonvulsivant")
        #expect(reused.lexicon.entries[1].attribute("note") == "😀 mild")
        #expect(reused.lexicon.entries[2].ingredients == ["acide valproïque", "diazepam"])
        #expect(reused.index.drugNames(ofEntry: 2) == ["acide valproïque", "diazepam"])
        // An entry changed after loading is joined again, its other fields kept.
        var edited = valproate
        edited.codes = ["unii:614OI1Z5WI"]
        #expect(edited.variants == valproate.variants && edited.attributes == valproate.attributes)
        #expect(edited.codes == ["unii:614OI1Z5WI"])
    }

    /// Any one byte of an artifact changed — a count, an offset, a byte of text — is read as some
    /// artifact or refused, never trapped on (an offset inside a character would be). Every byte
    /// of the header, the entries and their name table (the first 2 KB here) is tried, and a
    /// sample of the automaton's tables after them.
    @Test func anyChangedByteIsReadOrRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.worldwide.write(toFile: scratch.files[1], atomically: true, encoding: .utf8)
        let path = try scratch.buildArtifact()
        let key = String(path.split(separator: "/").last!.dropFirst("lexicon-".count).dropLast(".rxk".count))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var refused = 0
        for offset in Array(0..<min(2048, bytes.count)) + Array(stride(from: 2048, to: bytes.count, by: 97)) {
            for value: UInt8 in [0x80, 0xFF] where bytes[offset] != value {
                var changed = bytes
                changed[offset] = value
                try changed.write(to: URL(fileURLWithPath: path))
                guard let read = KnowledgeCache.read(path, key: key) else {
                    refused += 1
                    continue
                }
                // What was read is usable: every field of every entry can be read.
                for entry in read.lexicon.entries {
                    _ = (entry.variants, entry.codes, entry.attributes, entry.firstCode)
                }
            }
        }
        #expect(refused > 0)
    }

    /// The lexicons are read (here: compiled and written) on another thread while the stages
    /// after `tag` parse their rule files. A broken rule file is still the error reported, as
    /// when the lexicons came later, and the start ends only after the artifact is written whole.
    @Test func aBrokenRuleFileIsReportedAndTheArtifactWrittenWhole() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try "triggers: [".write(toFile: scratch.root + "/context.yaml", atomically: true, encoding: .utf8)
        let pipeline = """
            schema: rxfacts-pipeline/1
            name: broken-rules
            stages:
              - ingest
              - normalize
              - segment
              - tokenize
              - tag: {lexicons: [spellings.tsv, terms.tsv]}
              - context: {rules: context.yaml}
              - emit

            """
        try pipeline.write(toFile: scratch.root + "/pipeline.yaml", atomically: true, encoding: .utf8)
        let definition = try PipelineDefinition.load(contentsOf: scratch.root + "/pipeline.yaml")
        #expect {
            _ = try Pipeline(definition: definition, cacheDirectory: scratch.cache)
        } throws: { error in
            (error as? InputError)?.path.hasSuffix("context.yaml") == true
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch.cache)) ?? []
        #expect(left.allSatisfy { !$0.hasSuffix(".tmp") }, "\(left)")
        #expect(scratch.artifacts.count == 1)
    }

    @Test func anUnwritableDirectoryFallsBackToMemory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // A regular file where the directory should be: nothing can be created below it (also as root).
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: scratch.cache))
        let (compiled, outcome) = try KnowledgeCache.load(files: scratch.files, directory: scratch.cache + "/rxfacts")
        #expect(outcome == .memoryOnly)
        #expect(Self.terms(Self.sample, compiled) == ["diazepam", "benzodiazepine", "pulmonary oedema"])
        let (_, off) = try KnowledgeCache.load(files: scratch.files, directory: nil)
        #expect(off == .memoryOnly)
    }

    @Test func theDefaultPipelineFromTheCacheExtractsTheSameRecord() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let definition = try PipelineDefinition.load(contentsOf: TestSupport.path("Pipelines/default.yaml"))
        let built = try Pipeline(definition: definition, cacheDirectory: scratch.cache)
        let reused = try Pipeline(definition: definition, cacheDirectory: scratch.cache)
        let memory = try Pipeline(definition: definition, cacheDirectory: nil)
        guard case .built = built.cacheOutcome, case .reused = reused.cacheOutcome else {
            Issue.record("outcomes: \(built.cacheOutcome), \(reused.cacheOutcome)")
            return
        }
        #expect(memory.cacheOutcome == .memoryOnly)
        let input = SourceInput(
            path: TestSupport.seedPath, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.seedPath))))
        let expected = try memory.extractLine(input)
        #expect(try built.extractLine(input) == expected)
        #expect(try reused.extractLine(input) == expected)
    }

    @Test func theDirectoryComesFromTheEnvironment() {
        #expect(KnowledgeCache.defaultDirectory(environment: ["RXFACTS_CACHE_DIR": "/x", "HOME": "/h"]) == "/x")
        #expect(KnowledgeCache.defaultDirectory(environment: ["RXFACTS_CACHE_DIR": "off", "HOME": "/h"]) == nil)
        #expect(KnowledgeCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/rxfacts")
        #expect(KnowledgeCache.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/rxfacts")
        #expect(KnowledgeCache.defaultDirectory(environment: [:]) == nil)
    }
}
