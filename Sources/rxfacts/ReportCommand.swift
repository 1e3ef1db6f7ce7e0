import ArgumentParser
import Foundation
import RxFacts
import RxFactsReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML page showing every fact with its evidence highlighted in the leaflet text.",
        discussion: """
            Each INPUT is a leaflet (file or directory, read as 'extract' reads them: the pipeline runs) \
            or a JSON Lines file of records made earlier by 'rxfacts extract' (their sources are read \
            again from the path each record names, looked up in the current directory, beside the \
            JSON Lines file and in --source-root; a source that changed since is reported, not shown).

            The page is one self-contained file (inline CSS, no script, no network): an index of the \
            documents with their drugs and fact counts; then per document its facts by drug and type, \
            each linking to its evidence, and its text by section with every evidence span marked \
            (<mark data-type data-value data-drug data-start data-end data-rule>; negated facts struck \
            through, hedged ones dashed). Open it in any browser.

            Examples:
              rxfacts report Corpus/ -o report.html
              rxfacts extract Corpus/spl -o spl.jsonl && rxfacts report spl.jsonl -o spl.html
              rxfacts report Corpus/text/000_07aae011b33a312d.txt > seed.html
            """)

    @Argument(help: "Leaflet files or directories, and/or *.jsonl record files.")
    var inputs: [String]

    @Option(
        name: [.short, .long], help: ArgumentHelp("Write the page here (default: standard output).", valueName: "file"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Pipeline definition (YAML) for leaflets and for laying out sources.", valueName: "file"))
    var pipeline: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Also look for records' sources under this directory (repeatable).", valueName: "dir"))
    var sourceRoot: [String] = []

    @Option(name: .long, help: "Page title.")
    var title = "rxfacts evidence report"

    @Flag(name: [.short, .long], help: "No summary on stderr.")
    var quiet = false

    func run() throws {
        let pipeline = try CommandSupport.loadPipeline(self.pipeline)
        let result = ReportBuilder(pipeline: pipeline, sourceRoots: sourceRoot).build(inputs)
        for error in result.errors { CommandSupport.standardError("rxfacts: error: \(error)\n") }
        let out = try CommandSupport.openOutput(output)
        out.write(Array(HTMLReport(title: title).render(result.documents).utf8))
        try out.finish()
        if !quiet {
            let spans = result.documents.reduce(0) { $0 + $1.evidenceItems.count }
            let missing = result.documents.filter { $0.layout == nil }.count
            CommandSupport.standardError(
                "rxfacts: report of \(result.documents.count) documents, \(spans) evidence spans"
                    + (missing > 0 ? ", \(missing) without source text" : "")
                    + (result.errors.isEmpty ? "" : ", \(result.errors.count) errors")
                    + (output.map { " → \($0)" } ?? "") + "\n")
        }
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}
