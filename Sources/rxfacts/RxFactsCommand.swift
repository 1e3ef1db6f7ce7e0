import ArgumentParser
import RxFacts

@main
struct RxFactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rxfacts",
        abstract: "Turn drug leaflets into machine-usable drug facts (JSON Lines).",
        subcommands: [LexiconCommand.self]
    )
}
