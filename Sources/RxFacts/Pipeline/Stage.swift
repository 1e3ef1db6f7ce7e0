/// A pipeline stage: reads the layers earlier stages filled and adds its own. One stage, one
/// type, one job; built from a pipeline file's `stages:` list by the `StageRegistry`.
public protocol Stage: Sendable {
    func process(_ doc: inout AnalyzedDocument)
}

/// A named layer of an `AnalyzedDocument`. Each stage's descriptor says which layers it needs
/// and which it produces, and a pipeline whose stages come in an order that cannot work is
/// refused when it loads (spaCy's `requires`/`assigns`).
public struct DocumentLayer: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }

    /// Source bytes, readable text, declared sections and facts (ingest).
    public static let text = DocumentLayer("text")
    /// Folded text and its offset map (normalize).
    public static let normalized = DocumentLayer("normalized")
    /// Sections and sentences (segment).
    public static let sentences = DocumentLayer("sentences")
    /// Tokens with folded keys (tokenize).
    public static let tokens = DocumentLayer("tokens")
    /// Lexicon terms, rule cues, context triggers, subject phrases, list-word roles (tag).
    public static let mentions = DocumentLayer("mentions")
    /// Negated, hedged, conditional and existing-condition scopes (context).
    public static let scopes = DocumentLayer("scopes")
    /// The document's drugs and each sentence's drug references (subject).
    public static let subjects = DocumentLayer("subjects")
    /// Facts per drug (assemble; enrich adds to them).
    public static let facts = DocumentLayer("facts")
    /// The record of the document (emit).
    public static let record = DocumentLayer("record")

    public var description: String { rawValue }
    public static func < (a: DocumentLayer, b: DocumentLayer) -> Bool { a.rawValue < b.rawValue }
}

/// What the registry knows of a stage: its name in pipeline files, the layers it requires,
/// produces and rewrites, the options its configuration block may hold, and how to build it.
public struct StageDescriptor: Sendable {
    public var name: String
    /// One line for `--help` and messages.
    public var summary: String
    /// Layers an earlier stage must have produced.
    public var requires: [DocumentLayer]
    /// Layers an earlier stage may have produced; used when present (assemble reads `scopes`
    /// when the pipeline has a `context` stage).
    public var uses: [DocumentLayer]
    /// Layers this stage fills.
    public var produces: [DocumentLayer]
    /// Layers an earlier stage produced that this one changes (enrich adds facts).
    public var rewrites: [DocumentLayer]
    /// Keys its configuration block may hold (`assemble: {rules: …}`).
    public var options: [String]
    /// Loads the data files the configuration names into the shared knowledge (built-in stages).
    package var contribute: (@Sendable (StageConfiguration, inout KnowledgeBuilder) throws(InputError) -> Void)?
    /// Builds the stage once the knowledge of every stage is compiled.
    public var make: @Sendable (StageConfiguration, Knowledge) throws(InputError) -> any Stage

    /// A stage of your own; see `StageRegistry.register(_:)`.
    public init(
        name: String, summary: String, requires: [DocumentLayer] = [], uses: [DocumentLayer] = [],
        produces: [DocumentLayer] = [], rewrites: [DocumentLayer] = [], options: [String] = [],
        make: @escaping @Sendable (StageConfiguration, Knowledge) throws(InputError) -> any Stage
    ) {
        self.name = name
        self.summary = summary
        self.requires = requires
        self.uses = uses
        self.produces = produces
        self.rewrites = rewrites
        self.options = options
        self.make = make
    }
}

/// The options of one stage as the pipeline file gives them (`assemble: {rules: rules/facts.yaml}`):
/// single values and lists of values, with their positions for messages.
public struct StageConfiguration: Sendable {
    /// The stage's name.
    public let stage: String
    /// The pipeline file; relative paths are resolved against its directory.
    public let definitionPath: String
    let values: [String: Value]

    enum Value: Sendable {
        case single(String, line: Int, column: Int)
        case list([String], line: Int, column: Int)

        var position: (line: Int, column: Int) {
            switch self {
            case .single(_, let line, let column), .list(_, let line, let column): (line, column)
            }
        }
    }

    init(stage: String, definitionPath: String, values: [String: Value] = [:]) {
        self.stage = stage
        self.definitionPath = definitionPath
        self.values = values
    }

    /// True when the file gives the option.
    public func has(_ key: String) -> Bool { values[key] != nil }

    /// A single-valued option, or nil when absent; a list where one value is expected is an error.
    public func string(_ key: String) throws(InputError) -> String? {
        switch values[key] {
        case nil: return nil
        case .single(let value, _, _): return value
        case .list: throw error(key, "\(stage).\(key): expected a single value, found a list")
        }
    }

    /// A list option (a single value counts as a list of one), empty when absent.
    public func strings(_ key: String) -> [String] {
        switch values[key] {
        case nil: return []
        case .single(let value, _, _): return [value]
        case .list(let list, _, _): return list
        }
    }

    /// A file option resolved against the pipeline file's directory.
    public func path(_ key: String) throws(InputError) -> String? {
        try string(key).map { PipelineDefinition.resolve($0, against: definitionPath) }
    }

    /// File options (a list) resolved against the pipeline file's directory.
    public func paths(_ key: String) -> [String] {
        strings(key).map { PipelineDefinition.resolve($0, against: definitionPath) }
    }

    /// An error at the option's position in the pipeline file (the file's start when absent).
    public func error(_ key: String, _ reason: String) -> InputError {
        let position = values[key]?.position ?? (line: 1, column: 1)
        return InputError(
            .configuration, path: definitionPath, line: position.line, column: position.column, reason: reason)
    }
}
