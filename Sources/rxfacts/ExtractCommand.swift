import ArgumentParser
import Foundation
import RxFacts
import RxFactsBatch
import RxFactsDiff
import RxFactsEval
import RxFactsLexiconBuild
import RxFactsStore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract drug facts from leaflets as JSON Lines (one record per input).",
        discussion: """
            Each INPUT is a leaflet file, a directory (read recursively: .txt, .xml, .json, .md, .zip), \
            a zip archive (read member by member without unpacking to disk; zips inside zips too, \
            shown as outer.zip!inner.zip!label.xml), or '-' for standard input. Each leaflet becomes \
            one JSON record on its own line, in input order; a leaflet that cannot be read becomes an \
            error on stderr (path:line:column: reason) and the others go on. Zip members that are not \
            leaflets (images…) are skipped and counted. The exit code is 0 when every input gave a \
            record, 1 when any failed.

            A progress line is shown on stderr when it is a terminal (not with --quiet).

            Examples:
              rxfacts extract Corpus/text/000_07aae011b33a312d.txt
              rxfacts extract Corpus/ -o facts.jsonl --errors errors.jsonl
              rxfacts extract dm_spl_release_human_rx_part1.zip -o facts.jsonl
              find leaflets -name '*.xml' | rxfacts extract --files-from - -o facts.jsonl
              rxfacts extract --shard 3/8 corpus/ -o part3.jsonl     # one of 8 processes
              rxfacts extract --resume corpus/ -o facts.jsonl        # go on after a stop
              cat leaflet.txt | rxfacts extract -
              rxfacts extract Corpus/ --db sqlite:facts.db             # straight into a database
            """)

    @Argument(help: "Leaflet files, directories, zip archives, or '-' for standard input.")
    var inputs: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also read input paths from this file, one a line ('-' = standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Pipeline definition (YAML).",
            discussion:
                "Default: $RXFACTS_PIPELINE, else Pipelines/default.yaml here, else the one installed with the rxfacts binary (PREFIX/share/rxfacts/Pipelines or a Pipelines folder above the binary).",
            valueName: "file"))
    var pipeline: String?

    @Option(
        name: [.short, .long], help: ArgumentHelp("Write records here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write each error as a JSON line here (path, kind, line, column, reason).", valueName: "file"))
    var errors: String?

    @Option(name: [.short, .long], help: "Documents processed in parallel (output order stays input order).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Process only shard K of N (1 ≤ K ≤ N), chosen by a stable hash of each input's path.", valueName: "K/N"))
    var shard: String?

    @Flag(
        name: .long,
        help:
            "With -o FILE: skip inputs whose records FILE already holds and append the rest (a truncated last line is cut off and redone)."
    )
    var resume = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also load each record into this database as it is extracted (sqlite:PATH or postgres://…; see 'rxfacts load').",
            discussion: "With --db and no -o, records are not written to standard output.", valueName: "url"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The document id of the one input (a file or '-'), for formats that name none (text, XML without ids).",
            discussion:
                "Without it a text file's id is its name without extension, or its path below the directory named when a directory is walked (a/leaflet, b/leaflet); standard input's is stdin- and a content hash.",
            valueName: "id"))
    var id: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Largest document read, in MiB (a file, standard input or a zip member, counted as read or inflated).",
            discussion: "A larger document is an error entry naming the file and the limit; the others go on.",
            valueName: "MiB"))
    var maxDocumentMib: Int = BatchExtractor.defaultMaxDocumentBytes >> 20

    @Flag(name: [.short, .long], help: "No progress line and no closing summary on stderr.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty, filesFrom == nil { throw ValidationError("give at least one INPUT or --files-from FILE") }
        if filesFrom == "-", inputs.contains("-") {
            throw ValidationError("'-' cannot be both --files-from and an input")
        }
        if let shard, ShardSpec(parsing: shard) == nil {
            throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/4")
        }
        if resume, output == nil || output == "-" { throw ValidationError("--resume needs -o FILE") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let id, SourceInput.usableId(id) == nil { throw ValidationError("--id must not be empty") }
        if maxDocumentMib < 1 || maxDocumentMib > 2047 { throw ValidationError("--max-document-mib takes 1 to 2047") }
        if let db { do { _ = try DatabaseURL(parsing: db) } catch { throw ValidationError(error.description) } }
    }

    func run() throws {
        let pipeline = try CommandSupport.loadPipeline(self.pipeline)
        var arguments = inputs
        if let filesFrom {
            do {
                arguments += try InputCollector.readList(filesFrom)
            } catch {
                CommandSupport.standardError("rxfacts: error: \(error)\n")
                throw ExitCode(2)
            }
        }
        var collected = InputCollector.gather(arguments)
        if let id {
            guard collected.paths.count == 1, let only = collected.paths.first, !only.lowercased().hasSuffix(".zip")
            else {
                CommandSupport.standardError(
                    "rxfacts: error: --id names one document: give exactly one file or '-' (got \(collected.paths.count) inputs)\n"
                )
                throw ExitCode(2)
            }
            collected.ids[only] = id
        }
        let paths = collected.paths
        let walkSkipped = collected.skipped
        var done: Set<String> = []
        let out: BufferedOutput
        if resume, let output {
            do {
                let log = try ResumeLog.read(output)
                try log.truncate(output)
                done = log.sources
                if !quiet {
                    CommandSupport.standardError(
                        "rxfacts: resuming \(output): \(log.records) records already there"
                            + (log.droppedBytes > 0
                                ? ", truncated last line (\(log.droppedBytes) bytes) dropped\n" : "\n"))
                }
            } catch {
                CommandSupport.standardError("rxfacts: error: \(error)\n")
                throw ExitCode(2)
            }
            out = try CommandSupport.openOutput(output, append: true)
        } else {
            out = try CommandSupport.openOutput(output)
        }
        let errorFile = try errors.map { try CommandSupport.openOutput($0) }
        let store: RecordStore?
        do { store = try db.map { try RecordStore(url: $0) } } catch {
            CommandSupport.standardError("rxfacts: error: \(error)\n")
            throw ExitCode(2)
        }
        let writesRecords = output != nil || store == nil
        var storeFailure: String?
        var loaded = LoadSummary()
        let started = Date()
        let showProgress = !quiet && isatty(STDERR_FILENO) == 1
        var lastProgress = Date.distantPast
        var extractor = BatchExtractor(pipeline: pipeline, jobs: jobs)
        extractor.maxDocumentBytes = maxDocumentMib << 20
        let summary = extractor.run(
            paths: paths,
            shard: shard.flatMap(ShardSpec.init(parsing:)) ?? .all,
            done: done,
            problems: collected.problems,
            ids: collected.ids,
            records: { record, line in
                if writesRecords { out.write(line) }
                guard let store, storeFailure == nil else { return }
                do {
                    let result = try store.load(record, line: line)
                    loaded.add(result.outcome, factsInRecord: result.facts)
                } catch let error as StoreError where error.refusesOnlyThisRecord {
                    // Another document already stored under this id: refused, the run goes on.
                    loaded.refused += 1
                    CommandSupport.standardError("rxfacts: error: database: \(error)\n")
                } catch {
                    storeFailure = "\(error)"
                }
            },
            failure: { error in
                if showProgress { CommandSupport.standardError("\r\u{1B}[K") }
                CommandSupport.standardError("rxfacts: error: \(error)\n")
                errorFile?.write(RecordEncoder().encodeErrorLine(error))
            },
            progress: showProgress
                ? { state in
                    let now = Date()
                    guard now.timeIntervalSince(lastProgress) >= 0.2 else { return }
                    lastProgress = now
                    CommandSupport.standardError("\r\u{1B}[K" + state.line)
                } : nil)
        // A write failure (full disk, /dev/full, closed stdout) is reported here, once.
        let writeFailed = (try? out.finish()) == nil
        let errorsWriteFailed = errorFile.map { (try? $0.finish()) == nil } ?? false
        if showProgress { CommandSupport.standardError("\r\u{1B}[K") }
        if !quiet {
            CommandSupport.standardError(
                ExtractCommand.summaryText(
                    summary, seconds: Date().timeIntervalSince(started), walkSkipped: walkSkipped))
        }
        if let storeFailure {
            CommandSupport.standardError(
                "rxfacts: error: database: \(storeFailure); documents loaded before it are complete, rerun to finish\n")
            throw ExitCode(2)
        }
        if store != nil, !quiet { CommandSupport.standardError("rxfacts: database: \(loaded)\n") }
        if writeFailed || errorsWriteFailed { throw ExitCode(2) }
        if loaded.refused > 0 { throw ExitCode(1) }
        if summary.errors > 0 { throw ExitCode(1) }
    }

    static func summaryText(
        _ summary: BatchExtractor.Summary, seconds elapsed: Double, walkSkipped: [String] = []
    ) -> String {
        let seconds = max(elapsed, 1e-9)
        let megabytes = Double(summary.bytes) / 1_000_000
        var text = String(
            format: "rxfacts: %d inputs → %d records, %d errors; %.2f MB in %.2f s (%.1f MB/s, %.0f docs/s)",
            summary.inputs, summary.records, summary.errors, megabytes, seconds, megabytes / seconds,
            Double(summary.inputs) / seconds)
        var apart: [String] = []
        if summary.skipped > 0 { apart.append("\(summary.skipped) non-leaflet zip members skipped") }
        if !walkSkipped.isEmpty {
            apart.append(
                "\(walkSkipped.count) files of other formats skipped in directories (\(InputCollector.describeSkipped(walkSkipped)))"
            )
        }
        if summary.alreadyDone > 0 { apart.append("\(summary.alreadyDone) already in the output") }
        if summary.outOfShard > 0 { apart.append("\(summary.outOfShard) left to other shards") }
        if !apart.isEmpty { text += "; " + apart.joined(separator: ", ") }
        let facts = summary.factsByType.keys.sorted().map { "\($0) \(summary.factsByType[$0]!)" }.joined(
            separator: ", ")
        if !facts.isEmpty { text += "\nrxfacts: facts: \(facts)" }
        return text + "\n"
    }
}
