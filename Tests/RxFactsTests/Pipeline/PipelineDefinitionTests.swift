import Foundation
import Testing
@testable import RxFacts

/// Pipeline files are what runs: the stage list builds the stages, a pipeline without an optional
/// stage runs and differs exactly as expected, and mistakes are refused with `file:line:column`.
@Suite struct PipelineDefinitionTests {
    /// A temporary folder holding a pipeline file (and any rule files written beside it).
    struct Workspace {
        let directory: String

        init() throws {
            directory = NSTemporaryDirectory() + "rxfacts-pipeline-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }

        func write(_ name: String, _ text: String) -> String {
            let path = directory + "/" + name
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return path
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    static let pipelines = TestSupport.path("Pipelines")

    /// The default stage list with `body` replacing the lines given by name (nil: leave it out).
    static let fullLexicons = ["core", "drugs", "brands", "classes", "conditions", "schedules", "effects"]
        .map { "\(pipelines)/lexicons/\($0).tsv" }.joined(separator: ", ")

    static func stages(
        replacing changes: [String: String?] = [:], rules: String = "\(pipelines)/rules/facts.yaml",
        lexicons: String = "\(pipelines)/lexicons/core.tsv"
    ) -> String {
        let lines: [(String, String)] = [
            ("ingest", "  - ingest"), ("normalize", "  - normalize"),
            ("segment", "  - segment: {roles: \(pipelines)/rules/sections.yaml}"), ("tokenize", "  - tokenize"),
            ("tag", "  - tag: {lexicons: [\(lexicons)]}"),
            ("context", "  - context: {rules: \(pipelines)/rules/context.yaml}"),
            ("subject", "  - subject: {rules: \(pipelines)/rules/subject.yaml}"),
            ("assemble", "  - assemble: {rules: \(rules)}"), ("enrich", "  - enrich"), ("emit", "  - emit"),
        ]
        var text = "schema: rxfacts-pipeline/1\nname: test\nstages:\n"
        for (name, line) in lines {
            if let change = changes[name] {
                if let change { text += change + "\n" }
            } else {
                text += line + "\n"
            }
        }
        return text
    }

    static func seed(_ pipeline: Pipeline) throws -> DrugRecord {
        let record = try pipeline.extract(contentsOf: TestSupport.seedPath)
        return try #require(record.drugs.first)
    }

    /// The error loading `pipelineText` gives.
    static func loadError(_ pipelineText: String, files: [String: String] = [:]) throws -> InputError {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for (name, text) in files { _ = workspace.write(name, text) }
        let path = workspace.write("pipeline.yaml", pipelineText)
        do {
            _ = try Pipeline.load(contentsOf: path)
        } catch {
            #expect(error.path.hasSuffix(files.isEmpty ? "pipeline.yaml" : error.path))
            return error
        }
        Issue.record("the pipeline loaded")
        return InputError(.configuration, path: "", reason: "")
    }

    @Test func theStageListIsWhatRuns() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let pipeline = try Pipeline.load(contentsOf: workspace.write("p.yaml", Self.stages()))
        #expect(
            pipeline.stages.map(\.name) == [
                "normalize", "segment", "tokenize", "tag", "context", "subject", "assemble", "enrich", "emit",
            ])
        let without = try Pipeline.load(
            contentsOf: workspace.write("q.yaml", Self.stages(replacing: ["enrich": nil, "context": nil])))
        #expect(
            without.stages.map(\.name) == ["normalize", "segment", "tokenize", "tag", "subject", "assemble", "emit"])
    }

    @Test func withoutEnrichOnlyTheLexiconFactsAndCodesGo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let full = try Pipeline.load(contentsOf: workspace.write("full.yaml", Self.stages(lexicons: Self.fullLexicons)))
        let bare = try Pipeline.load(
            contentsOf: workspace.write(
                "bare.yaml", Self.stages(replacing: ["enrich": nil], lexicons: Self.fullLexicons)))
        let text = "Zolpidem is used for insomnia. It may cause drowsiness."
        let enriched = try #require(try full.extract(text: text).drugs.first)
        let plain = try #require(try bare.extract(text: text).drugs.first)
        // The lexicon knows zolpidem's schedule and class; the text states neither.
        #expect(Set(enriched.facts.filter { $0.source.hasPrefix("lexicon:") }.map(\.type)) == [.schedule, .drugClass])
        #expect(plain.facts == enriched.facts.filter { !$0.source.hasPrefix("lexicon:") })
        #expect(enriched.codes.count > plain.codes.count, "enrich fills in codes")
        for (system, code) in plain.codes { #expect(enriched.codes[system] == code) }
    }

    @Test func withoutContextNothingIsNegatedOrHedged() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let full = try Self.seed(try Pipeline.load(contentsOf: workspace.write("full.yaml", Self.stages())))
        let bare = try Self.seed(
            try Pipeline.load(contentsOf: workspace.write("bare.yaml", Self.stages(replacing: ["context": nil]))))
        #expect(full.facts.contains { $0.negated } && full.facts.contains { $0.hedged })
        #expect(!bare.facts.contains { $0.negated || $0.hedged })
        // "not classified as a primary analgesic" is now read as a class.
        #expect(full.facts.contains { $0.type == .drugClass && $0.value == "analgesic" && $0.negated })
        #expect(bare.facts.contains { $0.type == .drugClass && $0.value == "analgesic" && !$0.negated })
        // Every fact is still there, un-negated; skipped existing conditions may add some.
        let bareKeys = Set(bare.facts.map { "\($0.type.rawValue):\($0.value)" })
        for fact in full.facts { #expect(bareKeys.contains("\(fact.type.rawValue):\(fact.value)")) }
    }

    @Test func aStageBeforeWhatItNeedsIsRefused() throws {
        let text = Self.stages(replacing: [
            "tag": nil, "emit": "  - tag: {lexicons: [\(Self.pipelines)/lexicons/core.tsv]}\n  - emit",
        ])
        let error = try Self.loadError(text)
        #expect(
            error.reason.contains(
                "stage 'context' needs layer 'mentions', which 'tag' produces: put 'tag' before 'context'"))
        #expect(error.line == 8 && error.column == 5)
    }

    @Test func unknownStagesAndOptionsAreNamed() throws {
        let unknown = try Self.loadError(Self.stages(replacing: ["enrich": "  - enrch"]))
        #expect(unknown.reason.hasPrefix("unknown stage 'enrch'; did you mean 'enrich'?"))
        #expect(unknown.line == 12 && unknown.column == 5)
        let option = try Self.loadError(Self.stages(replacing: ["context": "  - context: {rule: x.yaml}"]))
        #expect(option.reason.hasPrefix("unknown option 'rule' for stage 'context'; did you mean 'rules'?"))
        #expect(option.line == 9 && option.column == 15)
        let key = try Self.loadError("name: x\nstagez: [ingest]\n")
        #expect(key.reason.hasPrefix("unknown key 'stagez' in the top level; did you mean 'stages'?"))
        #expect(key.line == 2 && key.column == 1)
        let first = try Self.loadError(Self.stages(replacing: ["ingest": nil, "emit": "  - emit\n  - ingest"]))
        #expect(first.reason.contains("the first stage must be 'ingest'"))
        let noRecord = try Self.loadError(Self.stages(replacing: ["emit": nil]))
        #expect(noRecord.reason.contains("no stage produces the record"))
    }

    /// A rule (line 5 of a rule file) with one mistake, the text the error must point at, and its reason.
    static let ruleMistakes: [(name: String, rule: String, at: String, reason: String)] = [
        (
            "misspelt key", "{id: a, fact: class, cues: [is a], tagets: [class]}", "tagets",
            "unknown key 'tagets' in rules[0]; did you mean 'targets'?"
        ),
        (
            "misspelt kind", "{id: a, fact: class, cues: [is a], targets: [clas]}", "clas]",
            "unknown target kind 'clas'; did you mean 'class'?"
        ),
        (
            "misspelt fact type", "{id: a, fact: indicaton, cues: [used for], targets: [condition]}", "indicaton",
            "unknown fact type 'indicaton'; did you mean 'indication'?"
        ),
        (
            "phrase the normalizer changes", "{id: a, fact: class, cues: [\"it’s a\"], targets: [class]}", "\"it’s",
            "phrase 'it’s a' can never match"
        ),
        (
            "phrase without a token", "{id: a, fact: class, cues: [\"is a\", \" \"], targets: [class]}", "\" \"",
            "phrase ' ' can never match"
        ),
        (
            "wrong value type", "{id: a, fact: class, cues: [is a], targets: [class], gap: many}", "many",
            "rules[0].gap: expected a whole number"
        ),
    ]

    @Test(arguments: ruleMistakes)
    func ruleFileMistakesAreRefusedWithTheirPosition(
        _ mistake: (name: String, rule: String, at: String, reason: String)
    ) throws {
        let line = "  - " + mistake.rule
        let rules = "schema: rxfacts-rules/1\nseparators: [\",\"]\nstops: [\".\"]\nrules:\n\(line)\n"
        let column = try #require(line.range(of: mistake.at)).lowerBound.utf16Offset(in: line) + 1
        let workspace = try Workspace()
        defer { workspace.remove() }
        let rulesPath = workspace.write("facts.yaml", rules)
        let path = workspace.write("pipeline.yaml", Self.stages(rules: rulesPath))
        do {
            _ = try Pipeline.load(contentsOf: path)
            Issue.record("\(mistake.name): the pipeline loaded")
        } catch {
            #expect(error.path == rulesPath, "\(mistake.name)")
            #expect(error.reason.hasPrefix(mistake.reason), "\(mistake.name): \(error.reason)")
            #expect(error.line == 5 && error.column == column, "\(mistake.name): \(error)")
        }
    }

    /// A stage of a user's own: removes hedged facts.
    struct DropHedged: Stage {
        func process(_ doc: inout AnalyzedDocument) {
            doc.rewriteFacts { drugs in
                for index in drugs.indices { drugs[index].facts.removeAll { $0.hedged } }
            }
        }
    }

    @Test func aStageOfYourOwnRunsWhereTheFileSays() throws {
        var registry = StageRegistry.builtIn
        registry.register(
            StageDescriptor(
                name: "drop-hedged", summary: "removes hedged facts", requires: [.facts], rewrites: [.facts]
            ) { _, _ in DropHedged() })
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = workspace.write("p.yaml", Self.stages(replacing: ["enrich": "  - enrich\n  - drop-hedged"]))
        let pipeline = try Pipeline.load(contentsOf: path, registry: registry)
        #expect(pipeline.stages.map(\.name).suffix(2) == ["drop-hedged", "emit"])
        let drug = try Self.seed(pipeline)
        let full = try Self.seed(try Pipeline.load(contentsOf: workspace.write("r.yaml", Self.stages())))
        #expect(full.facts.contains { $0.hedged })
        #expect(drug.facts == full.facts.filter { !$0.hedged })
        // Before the facts exist it is refused, naming the stage that makes them.
        let early = workspace.write("q.yaml", Self.stages(replacing: ["tokenize": "  - tokenize\n  - drop-hedged"]))
        #expect(throws: InputError.self) { try Pipeline.load(contentsOf: early, registry: registry) }
        do { _ = try Pipeline.load(contentsOf: early, registry: registry) } catch {
            #expect(error.reason.contains("stage 'drop-hedged' needs layer 'facts', which 'assemble' produces"))
        }
    }
}
