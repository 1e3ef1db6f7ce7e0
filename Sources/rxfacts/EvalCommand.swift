import ArgumentParser
import Foundation
import RxFacts
import RxFactsBatch
import RxFactsDiff
import RxFactsEval
import RxFactsLexiconBuild

/// `rxfacts eval`: measure the pipeline on public gold sets read from a data directory.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score rxfacts against public gold sets (SPL-ADR-200DB, LabeledIn, DDI 2013).",
        discussion: """
            Reads the gold sets where they are (nothing is copied into the project): \
            DATA/spl-adr (adverse effects), DATA/labeledin (indications), DATA/ddi2013 (drug names and \
            interacting pairs). They are not in the repository: they come from tatonetti-lab/onsides \
            (SPL-ADR-200DB), dhimmel/indications (LabeledIn) and isegura/DDICorpus (DDI 2013, \
            non-commercial), laid out as in the project's data bundle (../shared/data, see its MANIFEST.md). Runs the pipeline over each gold text and prints one table of \
            precision, recall and F1 per gold set, fact type and matching rule, with published \
            figures beside them. Matching rules are described in docs/diff.md.

            Examples:
              rxfacts eval --data ../shared/data
              rxfacts eval --data ../shared/data --set ddi2013 --format json
              rxfacts eval --data ../shared/data --errors /tmp/eval-errors.tsv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Directory holding spl-adr/, labeledin/ and ddi2013/.")
    var data: String = "../shared/data"

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Only this gold set (spl-adr, labeledin, ddi2013); repeatable.", valueName: "SET"))
    var sets: [String] = []

    @Option(help: "Pipeline definition (default: $RXFACTS_PIPELINE or Pipelines/default.yaml).")
    var pipeline: String?

    @Option(help: "Output format: text (a Markdown table) or json.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp(
            "Also write every false positive and false negative (exact matching, DDI pairs) to FILE, one tab-separated line each: set, type, FP/FN, document, mention, context.",
            valueName: "FILE"))
    var errors: String?

    func validate() throws {
        for set in sets where Evaluation.GoldSet(rawValue: set) == nil {
            throw ValidationError(
                "unknown gold set '\(set)'; known: \(Evaluation.GoldSet.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    func run() throws {
        let chosen = sets.isEmpty ? Evaluation.GoldSet.allCases : sets.compactMap(Evaluation.GoldSet.init(rawValue:))
        if let explanation = Evaluation.missingDataExplanation(dataDirectory: data, sets: chosen) {
            CommandSupport.standardError("rxfacts eval: \(explanation)\n")
            throw ExitCode(2)
        }
        let extractor = try makeExtractor(pipelinePath: pipeline)
        let report: EvalReport
        do {
            if let errors {
                var mistakes: [EvalMistake] = []
                report = try Evaluation.run(
                    dataDirectory: data, sets: chosen, extractor: extractor, mistakes: &mistakes)
                let lines = [EvalMistake.header] + mistakes.map(\.line)
                guard
                    FileManager.default.createFile(
                        atPath: errors, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
                else {
                    CommandSupport.standardError("rxfacts eval: cannot write \(errors)\n")
                    throw ExitCode(2)
                }
            } else {
                report = try Evaluation.run(dataDirectory: data, sets: chosen, extractor: extractor)
            }
        } catch let error as GoldSetError {
            CommandSupport.standardError("rxfacts eval: \(error)\n")
            throw ExitCode(2)
        }
        print(format == .json ? DiffTextFormatter.json(report) : report.text(), terminator: "")
    }
}
