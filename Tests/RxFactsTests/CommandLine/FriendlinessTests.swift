import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// What a new user meets: formats rxfacts does not read are named, files a directory walk leaves
/// out are counted, `lexicon check` says when a file is not a lexicon, `eval` says where its data
/// comes from.
@Suite struct FriendlinessTests {
    @Test(arguments: [
        ("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj", "PDF is not supported"),
        ("<!DOCTYPE html>\n<html><body><p>Diazepam is a benzodiazepine.</p></body></html>", "HTML is not supported"),
        (
            "<?xml version=\"1.0\"?>\n<!-- saved page -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
            "HTML is not supported"
        ),
        ("  <HTML>\n<BODY>Valium</BODY></HTML>", "HTML is not supported"),
        ("{\\rtf1\\ansi Diazepam}", "RTF is not supported"),
    ])
    func unsupportedFormatsAreNamed(content: String, message: String) {
        let input = SourceInput(path: "leaflet.bin", bytes: Array(content.utf8))
        #expect {
            _ = try TestSupport.pipeline.extract(input)
        } throws: { error in
            let error = error as? InputError
            return error?.kind == .unsupportedFormat && error?.reason.contains(message) == true
        }
    }

    @Test func textAboutHTMLIsStillText() throws {
        let record = try TestSupport.record(
            "Leaflets saved as <html> pages are not read. Diazepam belongs to the benzodiazepine class.")
        #expect(record.document.format == "text")
        // An XML leaflet whose root happens to be <html> without an HTML head or body stays XML.
        #expect(UnsupportedFormat.sniff(Array("<html>\n<chapter>Diazepam</chapter></html>".utf8), from: 0) == nil)
    }

    @Test func directoryWalkCountsWhatItSkips() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.txt", "b.pdf", "sub/c.html", "README.md", ".hidden.pdf", "sub/d.xml"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        var skipped: [String] = []
        let paths = InputCollector.collect([folder.path], skipped: &skipped)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["a.txt", "d.xml"])
        #expect(skipped.map { ($0 as NSString).lastPathComponent }.sorted() == ["b.pdf", "c.html"])
        #expect(InputCollector.describeSkipped(skipped) == "1 .html, 1 .pdf")
    }

    @Test func lexiconCheckNamesWhatIsNotALexicon() throws {
        #expect(
            try LexiconFileCheck.check(path: TestSupport.path("Pipelines/lexicons/core.tsv"))
                == .lexicon(
                    entries: try LexiconFileParser().parse(path: TestSupport.path("Pipelines/lexicons/core.tsv")).count)
        )
        guard
            case .interactionTable(let pairs) = try LexiconFileCheck.check(
                path: TestSupport.path("Pipelines/lexicons/interactions.tsv"))
        else {
            Issue.record("interactions.tsv is not recognised as an interaction table")
            return
        }
        #expect(pairs > 1000)
        for other in ["Pipelines/default.yaml", "README.md", "Corpus/spl/cough.xml"] {
            #expect {
                _ = try LexiconFileCheck.check(path: TestSupport.path(other))
            } throws: { error in
                "\(error)".contains("not a lexicon file")
            }
        }
        // A lexicon with a real mistake keeps its precise message, not "not a lexicon".
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-lexcheck-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# rxfacts-lexicon/1\ndrug\tdiazepam\tdiazepam\tnotacode\n".write(
            to: folder, atomically: true, encoding: .utf8)
        #expect {
            _ = try LexiconFileCheck.check(path: folder.path)
        } throws: { error in
            let text = "\(error)"
            return text.contains(":2:") && !text.contains("not a lexicon file")
        }
    }

    @Test func evalSaysWhereItsDataComesFrom() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-nodata-\(UUID().uuidString)")
            .path
        let message = try #require(
            Evaluation.missingDataExplanation(dataDirectory: empty, sets: Evaluation.GoldSet.allCases))
        #expect(message.contains("tatonetti-lab/onsides"))
        #expect(message.contains("dhimmel/indications"))
        #expect(message.contains("isegura/DDICorpus"))
        #expect(message.contains("--data"))
        #expect(Evaluation.missingDataExplanation(dataDirectory: TestSupport.path("Corpus"), sets: []) == nil)
    }
}

/// The built `rxfacts` as a user runs it.
@Suite(
    .enabled(
        if: StoreTestSupport.rxfactsExecutable != nil, "rxfacts executable not found beside the tests (set RXFACTS_BIN)"
    ))
struct CommandLineTests {
    static func rxfacts(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = StoreTestSupport.rxfactsExecutable
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.root
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    @Test func versionIsTheLibraryVersion() throws {
        #expect(try Self.rxfacts(["--version"]).out == RxFactsVersion.current + "\n")
    }

    @Test func diffReadsStandardInput() throws {
        let reference = try Data(
            contentsOf: URL(fileURLWithPath: TestSupport.path("Corpus/reference/000_07aae011b33a312d.jsonl")))
        let result = try Self.rxfacts(
            ["diff", "Corpus/reference/000_07aae011b33a312d.jsonl", "-", "--min-f1", "1"], stdin: reference)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("missing (in reference, not in actual): 0"))
        let both = try Self.rxfacts(["diff", "-", "-"])
        #expect(both.status != 0 && both.err.contains("only one of REFERENCE and ACTUAL"))
    }

    /// `diff --changes Corpus/reference <(rxfacts extract …)`, as the README's check is written:
    /// a process substitution is a pipe, which `diff` once refused as "cannot read file".
    @Test func diffReadsAProcessSubstitution() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c",
            "exec \"$0\" diff --changes Corpus/reference/000_07aae011b33a312d.jsonl <(cat Corpus/reference/000_07aae011b33a312d.jsonl)",
            StoreTestSupport.rxfactsExecutable!.path,
        ]
        process.currentDirectoryURL = TestSupport.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("documents: 1 in both versions"), "\(text)")
    }

    @Test func helpPointsAtFilesThatExist() throws {
        let help = try Self.rxfacts(["help", "diff"])
        #expect(!help.out.contains("Tests/reference"))
        #expect(help.out.contains("Corpus/reference/"))
    }

    @Test func pdfNamedDirectlyIsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-\(UUID().uuidString).pdf")
        try Data("%PDF-1.4\n...".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Self.rxfacts(["extract", file.path])
        #expect(result.status == 1)
        #expect(result.err.contains("PDF is not supported"))
    }

    @Test func lexiconCheckOfTheShippedFilesPasses() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("Pipelines/lexicons")).filter {
            $0.hasSuffix(".tsv")
        }.sorted()
        let result = try Self.rxfacts(["lexicon", "check"] + files.map { "Pipelines/lexicons/\($0)" })
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("interactions.tsv: not a lexicon but an interaction table"))
    }
}
