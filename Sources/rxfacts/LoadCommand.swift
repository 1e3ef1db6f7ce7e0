import ArgumentParser
import Foundation
import RxFacts
import RxFactsBatch
import RxFactsDiff
import RxFactsEval
import RxFactsLexiconBuild
import RxFactsStore

/// `rxfacts load`: write extracted records into an SQLite file or a PostgreSQL database.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load rxfacts JSON Lines records into an SQLite or PostgreSQL database.",
        discussion: """
            Each document is written in its own transaction. Loading the same document version \
            again replaces its rows (nothing is written when the record is unchanged), so a load \
            can be rerun at any time: after a crash or a kill, rerunning the same command completes it. \
            A newer version of a document (SPL versionNumber, then effectiveTime) becomes current; \
            older versions stay in the database with is_current = false and superseded_by set.

            The schema is created or migrated on first use (table schema_version). \
            See docs/store.md for the tables and example queries.

            Examples:
              rxfacts extract leaflets/ > facts.jsonl
              rxfacts load facts.jsonl          # into ./rxfacts.db
              rxfacts load --db sqlite:/var/lib/rxfacts/facts.db a.jsonl b.jsonl
              rxfacts extract leaflets/ | rxfacts load --db sqlite:facts.db -
              rxfacts load --db postgres://rxfacts@127.0.0.1:5432/rxfacts facts.jsonl
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database to load into: sqlite:PATH (file created if missing) or postgres://user[:password]@host[:port]/db.",
            valueName: "url"))
    var db: String = "sqlite:rxfacts.db"

    @Flag(name: .shortAndLong, help: "Print only errors, not the summary.")
    var quiet = false

    @Argument(
        help: ArgumentHelp(
            "JSON Lines files written by 'rxfacts extract' ('-' reads standard input).", valueName: "input"))
    var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one JSON Lines file (or '-' for standard input).") }
        do { _ = try DatabaseURL(parsing: db) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let start = Date()
        do {
            let store = try RecordStore(url: db)
            var loader = StoreLoader()
            loader.refused = { error in CommandSupport.standardError("rxfacts load: error: \(error)\n") }
            let summary = try loader.load(paths: inputs, into: store)
            if !quiet {
                let seconds = Date().timeIntervalSince(start)
                let counts = try store.counts()
                printError("loaded \(summary) into \(store.url) in \(String(format: "%.2f", seconds)) s")
                printError("database now holds \(counts)")
            }
            if summary.refused > 0 { throw ExitCode.failure }
        } catch let error as StoreError {
            printError("rxfacts load: error: \(error)")
            throw ExitCode.failure
        }
    }

    private func printError(_ text: String) {
        CommandSupport.standardError((text + "\n"))
    }
}
