import ArgumentParser
import RxFacts

/// `rxfacts pipeline`: what a pipeline file runs, checked.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Check a pipeline file and show the stages it runs.",
        subcommands: [Check.self, Stages.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a pipeline file with every lexicon and rule file it names, and list its stages.",
            discussion: """
                Loading checks everything a run would: the stage list against the registry (unknown \
                stages and options, a stage placed before the stage that produces a layer it needs), \
                the rule files (unknown keys, target kinds and fact types, phrases that can never match) \
                and the lexicons. Each problem is reported as FILE:LINE:COLUMN: reason; exit code 2.

                Examples:
                  rxfacts pipeline check Pipelines/default.yaml
                  rxfacts pipeline check my-pipeline.yaml
                """
        )

        @Argument(help: "Pipeline definition files (default: Pipelines/default.yaml).")
        var files: [String] = []

        func run() throws {
            let paths = files.isEmpty ? [Pipeline.defaultDefinitionPath()].compactMap { $0 } : files
            for path in paths {
                let pipeline = try CommandSupport.loadPipeline(path)
                print("\(path): pipeline '\(pipeline.definition.name)' is valid")
                let registry = StageRegistry.builtIn
                for entry in pipeline.definition.stages {
                    guard let descriptor = registry[entry.name] else { continue }
                    let reads = descriptor.requires.map(\.rawValue) + descriptor.uses.map { "(\($0.rawValue))" }
                    let writes = descriptor.produces.map(\.rawValue) + descriptor.rewrites.map { "+\($0.rawValue)" }
                    let name = entry.name.padding(toLength: 10, withPad: " ", startingAt: 0)
                    print(
                        "  \(name) reads \(reads.isEmpty ? "input" : reads.joined(separator: ", ")) → writes \(writes.joined(separator: ", "))"
                    )
                }
                let knowledge = pipeline.knowledge
                print(
                    "  \(knowledge.lexicon.lexicon.entries.count) lexicon entries, \(knowledge.factRules.rules.count) fact rules, "
                        + "\(knowledge.contextRules.triggers.count) context triggers, \(knowledge.phrases.states) automaton states"
                )
            }
        }
    }

    struct Stages: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stages a pipeline file can name, with the layers each reads and writes.")

        func run() {
            let registry = StageRegistry.builtIn
            for name in registry.names {
                guard let descriptor = registry[name] else { continue }
                let options =
                    descriptor.options.isEmpty ? "" : " options: \(descriptor.options.joined(separator: ", "))."
                print("\(name): \(descriptor.summary).\(options)")
                print(
                    "    reads: \(descriptor.requires.map(\.rawValue).joined(separator: ", ")) "
                        + (descriptor.uses.isEmpty
                            ? "" : "(and, when present: \(descriptor.uses.map(\.rawValue).joined(separator: ", "))) ")
                        + "writes: \((descriptor.produces + descriptor.rewrites).map(\.rawValue).joined(separator: ", "))"
                )
            }
        }
    }
}
