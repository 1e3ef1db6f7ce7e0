import ArgumentParser
import RxFacts
import RxFactsBatch
import RxFactsDiff
import RxFactsEval
import RxFactsLexiconBuild

@main
struct RxFactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rxfacts",
        abstract: "Turn drug leaflets into machine-usable drug facts (JSON Lines).",
        discussion: """
            rxfacts reads plain-text and XML drug leaflets (DailyMed SPL, EU ePI), runs them \
            through the staged processors its pipeline file lists — ingest → normalize → segment → \
            tokenize → tag → context → subject → assemble → enrich → emit — driven by the lexicons \
            and rule packs in Pipelines/, and writes \
            one JSON record of drug facts per leaflet: class, mechanism, schedule, indications, \
            dangerous combinations, adverse effects, withdrawal and dependence, each with its \
            evidence (section, byte and character offsets into the file, text, rule), and \
            says which rxfacts version, pipeline and vocabulary releases produced it.

            Start with:
              rxfacts extract Corpus/ -o facts.jsonl
              rxfacts report Corpus/ -o report.html
              rxfacts diff Corpus/reference/ facts.jsonl
              rxfacts load --db sqlite:facts.db facts.jsonl
            """,
        version: RxFactsVersion.current,
        subcommands: [
            ExtractCommand.self, ReportCommand.self, LoadCommand.self, DiffCommand.self, EvalCommand.self,
            LexiconCommand.self, PipelineCommand.self,
        ],
        defaultSubcommand: nil
    )
}
