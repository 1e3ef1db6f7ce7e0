import ArgumentParser
import Foundation
import RxFacts

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract drug facts from leaflets as JSON Lines (one record per input).",
        discussion: """
            Each INPUT is a leaflet file, a directory (read recursively: .txt, .xml, .json, .md), \
            or '-' for standard input. Each input becomes one JSON record on its own line, in input \
            order; an input that cannot be read becomes an error on stderr (path:line:column: reason) \
            and the others go on. The exit code is 0 when every input gave a record, 1 when any failed.

            Examples:
              rxfacts extract Corpus/text/000_07aae011b33a312d.txt
              rxfacts extract Corpus/ -o facts.jsonl --errors errors.jsonl
              cat leaflet.txt | rxfacts extract -
              rxfacts extract --pipeline my-pipeline.yaml leaflets/
            """)

    @Argument(help: "Leaflet files, directories, or '-' for standard input.")
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Pipeline definition (YAML).", discussion: "Default: $RXFACTS_PIPELINE, else Pipelines/default.yaml here or beside the rxfacts binary.", valueName: "file"))
    var pipeline: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write records here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write each error as a JSON line here (path, kind, line, column, reason).", valueName: "file"))
    var errors: String?

    @Option(name: [.short, .long], help: "Documents processed in parallel (output order stays input order).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: [.short, .long], help: "Do not print the closing summary on stderr.")
    var quiet = false

    func run() throws {
        let pipeline = try CommandSupport.loadPipeline(self.pipeline)
        let paths = InputCollector.collect(inputs)
        let out = try CommandSupport.openOutput(output)
        let errorFile = try errors.map { try CommandSupport.openOutput($0) }
        let started = Date()
        let summary = BatchExtractor(pipeline: pipeline, jobs: jobs).run(
            paths: paths,
            record: { out.write($0) },
            failure: { error in
                CommandSupport.standardError("rxfacts: error: \(error)\n")
                errorFile?.write(ErrorLine.encode(error))
            })
        out.flush()
        errorFile?.flush()
        if !quiet {
            let seconds = max(Date().timeIntervalSince(started), 1e-9)
            let megabytes = Double(summary.bytes) / 1_000_000
            let facts = summary.factsByType.keys.sorted().map { "\($0) \(summary.factsByType[$0]!)" }.joined(separator: ", ")
            CommandSupport.standardError(String(
                format: "rxfacts: %d inputs → %d records, %d errors; %.2f MB in %.2f s (%.1f MB/s)%@\n",
                summary.inputs, summary.records, summary.errors, megabytes, seconds, megabytes / seconds,
                facts.isEmpty ? "" : "; facts: \(facts)"))
        }
        if summary.errors > 0 { throw ExitCode(1) }
    }
}
