import ArgumentParser
import Foundation
import RxFacts
import RxFactsBatch
import RxFactsDiff
import RxFactsEval
import RxFactsLexiconBuild

/// `rxfacts lexicon`: build and check the compiled lexicon files.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Build or check rxfacts' lexicon files.",
        subcommands: [Build.self, Check.self]
    )

    /// `rxfacts lexicon build --vocab DIR --out DIR`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile the lexicon TSV files from the vocabulary tables.",
            discussion: """
                Reads the shippable vocabularies under --vocab (RxNorm, DrugBank open vocabulary, DEA list, \
                FDA classes, DrugCentral, Disease Ontology, MeSH, HPO, CTCAE, Symptom Ontology, ICD-10-CM, \
                ONC/NDF-RT interactions, DEA scheduling actions) and writes drugs.tsv, brands.tsv, classes.tsv, \
                conditions.tsv, symptoms.tsv, schedules.tsv and interactions.tsv. \
                The output is sorted and timestamp-free: rebuilding gives identical bytes.
                """
        )

        @Option(help: "The vocabulary directory (the data bundle's vocab/ folder).")
        var vocab: String

        @Option(help: "Where to write the lexicon files.")
        var out: String = "Pipelines/lexicons"

        @Option(
            help:
                "The folder of the hand-written core.tsv and effects.tsv whose effect names symptoms.tsv adopts (default: --out)."
        )
        var curated: String?

        @Option(
            help: ArgumentHelp(
                "Build symptoms.tsv and conditions.tsv from only these vocabularies (comma-separated: hpo, mesh-c23, ctcae, symp for symptoms.tsv; doid, mesh-c for conditions.tsv), to measure what each adds.",
                valueName: "list"))
        var only: String?

        @Flag(help: "List every skipped source row, not just the first 20.")
        var verbose = false

        func run() throws {
            var builder = LexiconBuilder()
            builder.curatedDirectory = curated ?? out
            if let only {
                let names = Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                let known = Set(SymptomTable.vocabularies + ConditionTable.vocabularies)
                guard names.isSubset(of: known) else {
                    throw ValidationError(
                        "--only: unknown vocabulary \(names.subtracting(known).sorted().joined(separator: ", ")); known: \(known.sorted().joined(separator: ", "))"
                    )
                }
                builder.clinicalVocabularies = names
            }
            let report = try builder.write(vocab: vocab, out: out)
            CommandSupport.standardError((report.summary(maxSkips: verbose ? Int.max : 20) + "\n"))
        }
    }

    /// `rxfacts lexicon check FILE...`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate lexicon files with the pipeline's own parser; errors name file, line and column.",
            discussion: """
                Checks each FILE against Pipelines/LEXICON-FORMAT.md and goes on after a bad one; the exit \
                code is 1 when any file failed. A file that is not a lexicon is named as such: the \
                interaction table interactions.tsv (rxfacts-interactions/1) is checked as a table of \
                drug pairs, anything else is an error.

                Example:
                  rxfacts lexicon check Pipelines/lexicons/*.tsv
                """
        )

        @Argument(help: "Lexicon TSV files to check.")
        var files: [String]

        func run() throws {
            var failed = 0
            for file in files {
                do {
                    switch try LexiconFileCheck.check(path: file) {
                    case .lexicon(let entries):
                        print("\(file): \(entries) entries OK")
                    case .interactionTable(let pairs):
                        print(
                            "\(file): not a lexicon but an interaction table (rxfacts-interactions/1): \(pairs) pairs OK; pipelines do not load it"
                        )
                    }
                } catch {
                    failed += 1
                    CommandSupport.standardError("rxfacts: error: \(error)\n")
                }
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
