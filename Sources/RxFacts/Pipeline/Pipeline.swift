import Foundation

/// A compiled pipeline: the ingesters, the stages its definition lists (in that order) and the
/// knowledge they share. Build it once, then call `extract(_:)` for each input, from any number
/// of threads.
///
/// ```swift
/// let pipeline = try Pipeline.load(contentsOf: "Pipelines/default.yaml")
/// let record = try pipeline.extract(text: "Diazepam belongs to the benzodiazepine class.", id: "note")
/// print(record.drugs.first?.facts.map(\.value) ?? [])
/// ```
public struct Pipeline: Sendable {
    public let definition: PipelineDefinition
    public let knowledge: Knowledge
    /// Tried in order; the first that accepts an input reads it.
    public var ingesters: [any Ingester]
    /// The stages after ingest, in the definition's order, with their names.
    package let stages: [(name: String, stage: any Stage)]
    package let encoder = RecordEncoder()
    /// Largest input (and ingested text) accepted, in bytes: token offsets are 32-bit, so a
    /// document of 2 GiB or more is refused before any stage sees it.
    package var documentByteLimit = Pipeline.maxDocumentBytes
    /// `Int32.max`: the largest document the stages can address.
    public static let maxDocumentBytes = Int(Int32.max)
    /// Whether the compiled lexicons were read from the cache, compiled and written, or compiled
    /// in memory (`KnowledgeCache`).
    package let cacheOutcome: KnowledgeCache.Outcome
    /// Written into every record: version, pipeline name, the fingerprint of its files and its
    /// vocabulary releases (`PipelineProvenance`).
    public var provenance: Provenance { knowledge.provenance }

    /// Ingesters for every supported format, most specific first. `FormatDetector` picks SPL,
    /// ePI, other XML or plain text by content and refuses UTF-16 and FHIR JSON clearly.
    public static let defaultIngesters: [any Ingester] = [FormatDetector()]

    /// Loads a definition, compiles the lexicons and rules its stages name, and builds the stages.
    public static func load(contentsOf path: String, registry: StageRegistry = .builtIn) throws(InputError) -> Pipeline
    {
        let definition = try PipelineDefinition.load(contentsOf: path, registry: registry)
        return try Pipeline(definition: definition, registry: registry)
    }

    /// Compiles `definition`: each stage contributes its data to the shared knowledge, then the
    /// stages are built in order.
    public init(definition: PipelineDefinition, registry: StageRegistry = .builtIn) throws(InputError) {
        try self.init(definition: definition, registry: registry, cacheDirectory: KnowledgeCache.defaultDirectory())
    }

    /// `init(definition:registry:)` with compiled lexicons kept in `cacheDirectory` (nil: compiled
    /// in memory at every load). See `KnowledgeCache`.
    package init(
        definition: PipelineDefinition, registry: StageRegistry = .builtIn, cacheDirectory: String?
    ) throws(InputError) {
        var builder = KnowledgeBuilder()
        builder.cacheDirectory = cacheDirectory
        var digests = FileDigests(directory: cacheDirectory)
        // Files are hashed first: the lexicons' hashes key the compiled-knowledge cache, which the
        // `tag` stage starts reading on another thread while later stages parse their rule files.
        // A failure here is reported after the stages' own, as when it came last.
        let hashed = Result { () throws(InputError) in
            try PipelineProvenance.compute(definition: definition, digests: &digests)
        }
        if case .success(let origins) = hashed { builder.fileHashes = origins.fileHashes }
        let origins: PipelineProvenance.Origins
        do {
            for entry in definition.stages {
                if let contribute = registry[entry.name]?.contribute { try contribute(entry.configuration, &builder) }
            }
            origins = try hashed.get()
        } catch {
            builder.cancelLoadingLexicons()
            throw error
        }
        digests.save()
        builder.provenance = origins.provenance
        builder.lexiconFactQualifiers = origins.lexiconFactQualifiers
        let knowledge = try builder.build()
        cacheOutcome = builder.cacheOutcome
        var stages: [(String, any Stage)] = []
        for entry in definition.stages where entry.name != StageRegistry.ingestName {
            guard let descriptor = registry[entry.name] else { continue }
            stages.append((entry.name, try descriptor.make(entry.configuration, knowledge)))
        }
        self.definition = definition
        self.knowledge = knowledge
        self.stages = stages
        self.ingesters = [FormatDetector(xmlMappings: try definition.xmlSectionMappings())]
    }

    /// The default pipeline file: `$RXFACTS_PIPELINE`, else `Pipelines/default.yaml` in the
    /// current directory, else `Pipelines/default.yaml` or `share/rxfacts/Pipelines/default.yaml`
    /// (where `Scripts/install.sh` puts it) in a parent of the executable's directory.
    public static func defaultDefinitionPath(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["RXFACTS_PIPELINE"], !env.isEmpty { return env }
        let local = "Pipelines/default.yaml"
        if fm.fileExists(atPath: local) { return local }
        var directory = URL(fileURLWithPath: executablePath(executable)).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            for relative in [local, "share/rxfacts/" + local] {
                let candidate = directory.appendingPathComponent(relative).path
                if fm.fileExists(atPath: candidate) { return candidate }
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// `argv[0]` as a path: a bare name (found through `$PATH`) is looked up in `$PATH`.
    static func executablePath(_ argument: String) -> String {
        guard !argument.contains("/") else { return argument }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/\(argument)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return argument
    }

    /// Ingests `input` with the first ingester that accepts it.
    public func ingest(_ input: SourceInput) throws(InputError) -> IngestedDocument {
        if input.bytes.isEmpty { throw InputError(.empty, path: input.path, reason: "file is empty") }
        if input.bytes.count > documentByteLimit {
            throw Self.overLimit(input.path, input.bytes.count, documentByteLimit)
        }
        for ingester in ingesters where ingester.accepts(input) {
            let document = try ingester.ingest(input)
            if document.text.count > documentByteLimit {
                throw Self.overLimit(input.path, document.text.count, documentByteLimit)
            }
            return document
        }
        throw InputError(.unsupportedFormat, path: input.path, reason: "no ingester accepts this input")
    }

    private static func overLimit(_ path: String, _ count: Int, _ limit: Int) -> InputError {
        InputError(
            .unreadable, path: path,
            reason: "document of \(count) bytes is over the limit of \(limit) bytes that token offsets can address")
    }

    /// Runs every stage and returns the analyzed document (all layers, for tools and tests).
    public func analyze(_ input: SourceInput) throws(InputError) -> AnalyzedDocument {
        analyze(ingested: try ingest(input))
    }

    /// Runs every stage after ingestion on an already ingested document (e.g. a gold-set text
    /// whose section the caller knows and declares in `ingested.sections`).
    public func analyze(ingested: IngestedDocument) -> AnalyzedDocument {
        var doc = AnalyzedDocument(ingested: ingested)
        for (_, stage) in stages { stage.process(&doc) }
        return doc
    }

    /// Extracts the record of one input.
    public func extract(_ input: SourceInput) throws(InputError) -> Record {
        let doc = try analyze(input)
        // The definition check guarantees a stage producing the record.
        return doc.record ?? Record(document: doc.ingested.info, drugs: doc.drugs, provenance: provenance)
    }

    /// Extracts the record of a text leaflet given as a string; `id` names it in the record.
    public func extract(text: String, id: String = "text") throws(InputError) -> Record {
        try extract(SourceInput(path: id + ".txt", bytes: Array(text.utf8)))
    }

    /// Extracts the record of the file at `path` (text, SPL, ePI or other XML).
    public func extract(contentsOf path: String) throws(InputError) -> Record {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.unreadable, path: path, reason: "cannot read file")
        }
        return try extract(SourceInput(path: path, bytes: [UInt8](data)))
    }

    /// The record of one input as a JSON line.
    public func extractLine(_ input: SourceInput) throws(InputError) -> [UInt8] {
        encoder.encodeLine(try extract(input))
    }
}

extension Pipeline {
    /// Time spent per stage (seconds of CPU on this thread) over `inputs`, for benchmarks.
    /// Inputs that fail to ingest are skipped; the count of documents processed is returned.
    public func profileStages(
        _ inputs: [SourceInput]
    ) -> (documents: Int, bytes: Int, seconds: [(stage: String, seconds: Double)]) {
        let clock = ContinuousClock()
        var totals = Array(repeating: Duration.zero, count: stages.count + 2)
        var documents = 0
        var bytes = 0
        for input in inputs {
            var start = clock.now
            guard let ingested = try? ingest(input) else { continue }
            totals[0] += clock.now - start
            var doc = AnalyzedDocument(ingested: ingested)
            for (index, stage) in stages.enumerated() {
                start = clock.now
                stage.stage.process(&doc)
                totals[index + 1] += clock.now - start
            }
            start = clock.now
            _ = encoder.encodeLine(doc.record ?? Record(document: doc.ingested.info, drugs: doc.drugs))
            totals[stages.count + 1] += clock.now - start
            documents += 1
            bytes += input.bytes.count
        }
        let names = [StageRegistry.ingestName] + stages.map(\.name) + ["encode"]
        return (
            documents, bytes,
            zip(names, totals).map { ($0, Double($1.components.seconds) + Double($1.components.attoseconds) / 1e18) }
        )
    }
}
