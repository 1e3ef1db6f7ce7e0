import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsStore
@testable import RxSQL

/// The documentation runs as written on the bundled corpus: every SQL query in README.md and
/// docs/*.md returns rows from a database loaded from Corpus/, every `rxfacts` command in their
/// shell blocks exits 0 from a folder laid out like the repository root, the README's record
/// example is what `extract` writes, and the Python recipe runs.
///
/// Commands that need what the repository does not hold are not run: the data bundle
/// (`../shared`, `/work/shared`, `$E`), a PostgreSQL server (`postgres://`) or a batch scheduler
/// (`$SLURM…`); lines that build or benchmark (`swift …`, `Scripts/…`) are not `rxfacts` commands.
@Suite struct DocsTests {
    struct Snippet: Sendable, CustomTestStringConvertible {
        var file: String
        var index: Int
        var language: String
        var code: String
        var testDescription: String { "\(file) \(language) block \(index + 1)" }
    }

    static let files: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path("docs"))) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }()

    /// Fenced code blocks of a Markdown text, with their language tag ("" when none).
    static func blocks(_ text: String) -> [(language: String, code: String)] {
        var result: [(String, String)] = []
        var language: String?
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let open = language {
                    result.append((open, lines.joined(separator: "\n")))
                    language = nil
                } else {
                    language = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                    lines = []
                }
            } else if language != nil {
                lines.append(line)
            }
        }
        return result
    }

    static func snippets(_ languages: Set<String>) -> [Snippet] {
        files.flatMap { file -> [Snippet] in
            let text = (try? String(contentsOfFile: TestSupport.path(file), encoding: .utf8)) ?? ""
            return blocks(text).enumerated().compactMap { index, block in
                languages.contains(block.language)
                    ? Snippet(file: file, index: index, language: block.language, code: block.code) : nil
            }
        }
    }

    static let sql = snippets(["sql"])

    /// Corpus/text and Corpus/spl extracted with the default pipeline and loaded into SQLite.
    static let corpusDatabase: Result<DatabaseURL, any Error> = Result {
        let url = try StoreTestSupport.temporarySQLiteURL()
        let store = try RecordStore(url: url)
        let inputs = InputCollector.collect([TestSupport.path("Corpus/text"), TestSupport.path("Corpus/spl")])
        let records = try inputs.map { try TestSupport.pipeline.extract(InputCollector.read($0)) }
        try StoreLoader().load(records: records, into: store)
        return url
    }

    @Test func everyDocumentedQueryIsFound() {
        #expect(Self.sql.filter { $0.file == "docs/store.md" }.count >= 4)
    }

    @Test(arguments: sql)
    func documentedQueryReturnsRows(_ snippet: Snippet) throws {
        let store = try RecordStore(url: Self.corpusDatabase.get())
        let statement = snippet.code.split(separator: "\n").filter {
            !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--")
        }
        .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let query = statement.hasSuffix(";") ? String(statement.dropLast()) : statement
        let rows = try store.connection.query(query)
        #expect(!rows.isEmpty, "no rows on the bundled corpus:\n\(query)")
    }

    // MARK: Shell commands

    static let unrunnable = ["../shared", "/work/shared", "$E", "postgres://", "$SLURM"]

    /// `rxfacts …` lines of a file's shell and untagged blocks, continuation lines joined.
    static func commands(in file: String) -> (run: [String], skipped: [String]) {
        var run: [String] = []
        var skipped: [String] = []
        for snippet in snippets(["sh", "bash", "console", ""]) where snippet.file == file {
            var pending = ""
            for raw in snippet.code.split(separator: "\n") {
                var line = String(raw)
                if line.hasSuffix("\\") {
                    pending += line.dropLast() + " "
                    continue
                }
                line = pending + line
                pending = ""
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("rxfacts ") else { continue }
                if unrunnable.contains(where: trimmed.contains) { skipped.append(trimmed) } else { run.append(trimmed) }
            }
        }
        return (run, skipped)
    }

    static let rxfactsDirectory: String? = StoreTestSupport.rxfactsExecutable?.deletingLastPathComponent().path

    /// A folder with Corpus/, Pipelines/ and Tests/ linked from the repository.
    static func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["Corpus", "Pipelines", "Tests"] {
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent(name).path, withDestinationPath: TestSupport.path(name))
        }
        return folder
    }

    static func shell(
        _ command: String, in folder: URL, executable: String = "/bin/bash"
    ) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = executable.hasSuffix("bash") ? ["-c", command] : [command]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["RXFACTS_PIPELINE"] = nil
        environment["PATH"] = (rxfactsDirectory.map { $0 + ":" } ?? "") + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let out = folder.appendingPathComponent(".out")
        let err = folder.appendingPathComponent(".err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @Test(
        .enabled(if: rxfactsDirectory != nil, "rxfacts executable not found beside the tests (set RXFACTS_BIN)"),
        arguments: files)
    func documentedCommandsRunAsWritten(file: String) throws {
        let (commands, _) = Self.commands(in: file)
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in commands {
            let result = try Self.shell(command, in: folder)
            #expect(result.status == 0, "\(file): `\(command)` exited \(result.status): \(result.err.suffix(600))")
        }
    }

    @Test func theCommandsThatMatterAreRun() {
        #expect(Self.commands(in: "docs/store.md").run.count >= 4)
        #expect(Self.commands(in: "docs/diff.md").run.count >= 5)
        #expect(Self.commands(in: "README.md").run.contains { $0.hasPrefix("rxfacts report") })
        #expect(Self.commands(in: "docs/lexicons.md").run.contains { $0.hasPrefix("rxfacts lexicon check") })
        #expect(Self.commands(in: "docs/store.md").skipped.count == 1)  // the PostgreSQL line
    }

    // MARK: The README's record

    @Test func readmeRecordExampleIsWhatExtractWrites() throws {
        let readme = try String(contentsOfFile: TestSupport.path("README.md"), encoding: .utf8)
        let example = try #require(
            Self.blocks(readme).first { $0.language == "json" && $0.code.contains("\"schema\":\"rxfacts/1\"") }?.code)
        let record = try TestSupport.pipeline.extract(InputCollector.read(TestSupport.seedPath))
        let evidence = Set(
            record.drugs.flatMap(\.facts).flatMap(\.evidence).map {
                "\($0.section)|\($0.start)|\($0.end)|\($0.charStart ?? -1)|\($0.charEnd ?? -1)|\($0.text)"
            })
        let pattern =
            /\{"section":"([^"]*)","start":(\d+),"end":(\d+),"charStart":(\d+),"charEnd":(\d+),\s*"text":"([^"]*)"\}/
        let shown = example.matches(of: pattern).map { "\($0.1)|\($0.2)|\($0.3)|\($0.4)|\($0.5)|\($0.6)" }
        #expect(shown.count >= 3)
        for item in shown { #expect(evidence.contains(item), "README evidence not in the seed's record: \(item)") }
        #expect(example.contains("\"contentHash\":\"\(record.document.contentHash ?? "")\""))
        #expect(example.contains("\"rxfacts\":\"\(RxFactsVersion.current)\""))
    }

    // MARK: Python

    static let python3: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: python3 != nil && rxfactsDirectory != nil, "python3 or the rxfacts executable is not available"))
    func pythonRecipeRuns() throws {
        let page = try String(contentsOfFile: TestSupport.path("docs/python.md"), encoding: .utf8)
        let script = try #require(Self.blocks(page).first { $0.language == "python" }?.code)
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in Self.commands(in: "docs/python.md").run {
            #expect(try Self.shell(command, in: folder).status == 0, "\(command)")
        }
        try script.write(to: folder.appendingPathComponent("recipe.py"), atomically: true, encoding: .utf8)
        let result = try Self.shell("\(Self.python3!) recipe.py > recipe.out", in: folder)
        #expect(result.status == 0, "\(result.err)")
        let output = try String(contentsOf: folder.appendingPathComponent("recipe.out"), encoding: .utf8)
        #expect(output.contains("12 records, "))
        #expect(output.contains("diazepam: benzodiazepine"))
    }

    /// docs/reliability.md proves each bad-input kind with a test: every `Suite/test` it names
    /// is a function of a suite that exists under Tests/RxFactsTests, and it names at least 40
    /// kinds (table rows).
    @Test func reliabilityTableNamesTestsThatExist() throws {
        let page = try String(contentsOfFile: TestSupport.path("docs/reliability.md"), encoding: .utf8)
        // Rows of the tables headed "| bad input |", each naming the test that proves it.
        var rows: [Substring] = []
        var inTable = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| bad input") {
                inTable = true
                continue
            }
            guard line.hasPrefix("|") else {
                inTable = false
                continue
            }
            if inTable, !line.hasPrefix("|---") { rows.append(line) }
        }
        #expect(rows.count >= 40, "\(rows.count) kinds")
        for row in rows {
            #expect(row.contains(/`[A-Z][A-Za-z]+Tests\/[a-z][A-Za-z0-9]+`/), "no test named in \(row)")
        }
        var sources: [String] = []
        let tests = TestSupport.root.appendingPathComponent("Tests/RxFactsTests")
        for case let name as String in FileManager.default.enumerator(atPath: tests.path)!
        where name.hasSuffix(".swift") {
            sources.append(try String(contentsOf: tests.appendingPathComponent(name), encoding: .utf8))
        }
        var named = 0
        for match in page.matches(of: /`([A-Z][A-Za-z]+Tests)\/([a-z][A-Za-z0-9]+)`/) {
            let (suite, test) = (String(match.output.1), String(match.output.2))
            named += 1
            let found = sources.contains { $0.contains("struct \(suite) ") && $0.contains("func \(test)(") }
            #expect(found, "docs/reliability.md names \(suite)/\(test), which does not exist")
        }
        #expect(named >= rows.count)
    }
}
