import Foundation
import Testing

/// The built `rxfacts` as a user runs it: extract the bundled corpus, score it against the
/// snapshots with `diff`, load it into SQLite with `load`, and the errors a user meets.
@Suite(.serialized) struct CommandLineEndToEndTests {
    @Test func extractDiffAndLoadTheBundledCorpus() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let facts = directory + "/facts.jsonl"

        let (extractStatus, extractOutput) = try Executable.run([
            "extract", "Corpus/text", "Corpus/spl", "-o", facts, "--quiet",
        ])
        #expect(extractStatus == 0, "\(extractOutput)")
        let lines = try String(contentsOfFile: facts, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12)

        // The run reproduces the snapshots: every fact matches.
        let (diffStatus, diffOutput) = try Executable.run(["diff", "Corpus/reference", facts, "--min-f1", "1.0"])
        #expect(diffStatus == 0, "\(diffOutput)")
        #expect(diffOutput.contains("missing (in reference, not in actual): 0"))

        // Loaded into SQLite: one document per record; loading again changes nothing.
        let database = "sqlite:" + directory + "/facts.db"
        let (loadStatus, loadOutput) = try Executable.run(["load", "--db", database, facts])
        #expect(loadStatus == 0, "\(loadOutput)")
        let (againStatus, againOutput) = try Executable.run(["load", "--db", database, facts])
        #expect(againStatus == 0, "\(againOutput)")
        #expect(againOutput.contains("12 unchanged") || againOutput.contains("unchanged: 12"), "\(againOutput)")
    }

    @Test func textFromStandardInputWithAnId() throws {
        let (status, output) = try Executable.run(
            ["extract", "-", "--quiet"], stdin: Data("Diazepam belongs to the benzodiazepine class.\n".utf8))
        #expect(status == 0, "\(output)")
        #expect(output.contains(#""value":"benzodiazepine""#))
    }

    @Test func aMisspeltPipelineIsRefusedWithItsPosition() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pipeline = directory + "/p.yaml"
        try Data("name: p\nstages: [ingest, normalise, emit]\n".utf8).write(to: URL(fileURLWithPath: pipeline))
        let (status, output) = try Executable.run(["extract", "--pipeline", pipeline, "Corpus/text"])
        #expect(status == 2)
        #expect(output.contains("p.yaml:2:18: unknown stage 'normalise'; did you mean 'normalize'?"), "\(output)")
        let (checkStatus, checkOutput) = try Executable.run(["pipeline", "check", "Pipelines/default.yaml"])
        #expect(checkStatus == 0, "\(checkOutput)")
        #expect(checkOutput.contains("assemble   reads mentions, subjects, (scopes) → writes facts"))
    }

    @Test func diffGateFailsBelowTheFloor() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let seedOnly = directory + "/seed.jsonl"
        let (status, _) = try Executable.run(["extract", "Corpus/text", "-o", seedOnly, "--quiet"])
        #expect(status == 0)
        // Scored against every snapshot, the SPL facts are all missing: the gate fails with exit 1.
        let (diffStatus, diffOutput) = try Executable.run(["diff", "Corpus/reference", seedOnly, "--min-f1", "0.9"])
        #expect(diffStatus == 1, "\(diffOutput)")
    }
}
