import Foundation

/// The stages a pipeline file can name, by name. `StageRegistry.builtIn` holds rxfacts' own;
/// register a stage of yours to use it in a pipeline file:
///
/// ```swift
/// var registry = StageRegistry.builtIn
/// registry.register(StageDescriptor(
///     name: "drop-hedged", summary: "removes hedged facts",
///     requires: [.facts], rewrites: [.facts]) { _, _ in DropHedged() })
/// let pipeline = try Pipeline.load(contentsOf: "my-pipeline.yaml", registry: registry)
/// ```
public struct StageRegistry: Sendable {
    public private(set) var descriptors: [String: StageDescriptor] = [:]
    /// Names in registration order (for messages and `--help`).
    public private(set) var names: [String] = []

    public init() {}

    /// Adds (or replaces) a stage.
    public mutating func register(_ descriptor: StageDescriptor) {
        if descriptors[descriptor.name] == nil { names.append(descriptor.name) }
        descriptors[descriptor.name] = descriptor
    }

    public subscript(name: String) -> StageDescriptor? { descriptors[name] }

    /// The name of the stage that reads inputs; it runs first and is not a `Stage`: the pipeline's
    /// ingesters turn bytes into the `text` layer.
    public static let ingestName = "ingest"

    /// rxfacts' stages, in the order the default pipeline runs them.
    public static let builtIn: StageRegistry = {
        var registry = StageRegistry()
        registry.register(
            StageDescriptor(
                name: ingestName,
                summary: "reads text, SPL, ePI or other XML into text, declared sections and declared facts",
                produces: [.text]
            ) { _, _ in NoStage() })
        registry.register(
            StageDescriptor(
                name: "normalize", summary: "folds typography (quotes, dashes, spaces, NFC) keeping an offset map",
                requires: [.text], produces: [.normalized]
            ) { _, _ in Normalizer() })
        var segment = StageDescriptor(
            name: "segment",
            summary:
                "cuts sections (headings or declared) and sentences, gives them roles, links list items to their lead-ins",
            requires: [.normalized], produces: [.sentences], options: ["abbreviations", "roles"]
        ) { configuration, knowledge throws(InputError) in
            let abbreviations = try configuration.path("abbreviations").map { path throws(InputError) in
                try WordListFile.load(path)
            }
            return Segmenter(
                abbreviations: abbreviations ?? Segmenter.defaultAbbreviations, roles: knowledge.sectionRoles)
        }
        segment.contribute = { configuration, builder throws(InputError) in
            guard let path = try configuration.path("roles") else { return }
            let file = try YAMLFile.load(path)
            builder.sectionRoles = (try file.decode(SectionRolePack.self, shape: SectionRolePack.shape), file)
        }
        registry.register(segment)
        registry.register(
            StageDescriptor(
                name: "tokenize", summary: "byte-range tokens with folded keys",
                requires: [.sentences], produces: [.tokens]
            ) { _, knowledge in Tokenizer(vocabulary: knowledge.vocabulary) })
        var tag = StageDescriptor(
            name: "tag", summary: "finds lexicon terms, rule cues, context triggers and subject phrases in one pass",
            requires: [.tokens], produces: [.mentions], options: ["lexicons"]
        ) { _, knowledge in Tagger(knowledge: knowledge) }
        tag.contribute = { configuration, builder throws(InputError) in
            guard configuration.has("lexicons") else {
                throw configuration.error("lexicons", "stage 'tag' needs `lexicons:` (a list of lexicon files)")
            }
            // Loaded from the compiled-knowledge cache (compiled when it does not have them) on another
            // thread while the stages after this one parse their rule files.
            builder.lexiconFiles.append(contentsOf: configuration.paths("lexicons"))
            builder.startLoadingLexicons()
        }
        registry.register(tag)
        var context = StageDescriptor(
            name: "context", summary: "ConText scopes: negated, hedged, conditional, existing conditions",
            requires: [.mentions], produces: [.scopes], options: ["rules"]
        ) { _, knowledge in ContextAnnotator(rules: knowledge.contextRules) }
        context.contribute = { configuration, builder throws(InputError) in
            let file = try requiredFile(configuration, "rules", what: "a context rule file")
            builder.contextRules = (try file.decode(ContextRulePack.self, shape: ContextRulePack.shape), file)
        }
        registry.register(context)
        var subject = StageDescriptor(
            name: "subject", summary: "the document's drugs, brand links, and which drug each sentence is about",
            requires: [.mentions], produces: [.subjects], options: ["rules"]
        ) { _, knowledge in SubjectResolver(knowledge: knowledge) }
        subject.contribute = { configuration, builder throws(InputError) in
            guard let path = try configuration.path("rules") else { return }
            let file = try YAMLFile.load(path)
            builder.subjectRules = (try file.decode(SubjectRulePack.self, shape: SubjectRulePack.shape), file)
        }
        registry.register(subject)
        var assemble = StageDescriptor(
            name: "assemble", summary: "applies the fact rules and gathers facts per drug with their evidence",
            requires: [.mentions, .subjects], uses: [.scopes], produces: [.facts], options: ["rules"]
        ) { _, knowledge in FactAssembler(knowledge: knowledge) }
        assemble.contribute = { configuration, builder throws(InputError) in
            let file = try requiredFile(configuration, "rules", what: "a fact rule file")
            builder.factRules = (try file.decode(FactRulePack.self, shape: FactRulePack.shape), file)
        }
        registry.register(assemble)
        registry.register(
            StageDescriptor(
                name: "enrich",
                summary: "adds facts the lexicon knows but the text does not state (DEA schedule, FDA class)",
                requires: [.facts, .subjects], rewrites: [.facts]
            ) { _, knowledge in EnrichStage(knowledge: knowledge) })
        registry.register(
            StageDescriptor(
                name: "emit", summary: "builds the document's record (the JSON line's content)",
                requires: [.text], uses: [.sentences, .facts], produces: [.record]
            ) { _, knowledge in RecordBuilder(provenance: knowledge.provenance) })
        return registry
    }()

    private static func requiredFile(
        _ configuration: StageConfiguration, _ key: String, what: String
    ) throws(InputError) -> YAMLFile {
        guard let path = try configuration.path(key) else {
            throw configuration.error(key, "stage '\(configuration.stage)' needs `\(key):` (\(what))")
        }
        return try YAMLFile.load(path)
    }
}

/// The `ingest` entry's placeholder: ingestion happens before the stages run.
struct NoStage: Stage {
    func process(_ doc: inout AnalyzedDocument) {}
}

/// A list of words, one per line; `#` starts a comment line.
enum WordListFile {
    static func load(_ path: String) throws(InputError) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.configuration, path: path, reason: "cannot read word list")
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw InputError(.configuration, path: path, reason: "not UTF-8 text")
        }
        var words: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            guard !word.contains(" ") else {
                throw InputError(
                    .configuration, path: path, line: index + 1, column: 1, reason: "one word per line, found '\(word)'"
                )
            }
            words.insert(word.lowercased())
        }
        return words
    }
}
