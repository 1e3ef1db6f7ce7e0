import Foundation

/// A compiled pipeline: ingesters, the stages in order and the knowledge base they share.
/// Build it once, then call `extract(_:)` for each input, from any number of threads.
public struct Pipeline: Sendable {
    public let definition: PipelineDefinition
    public let knowledge: KnowledgeBase
    /// Tried in order; the first that accepts an input reads it.
    public let ingesters: [any Ingester]
    let stages: [any Stage]
    /// Present when the definition lists the optional `enrich` stage.
    let enricher: LexiconEnricher?
    package let encoder = RecordEncoder()
    /// Written into every record: version, pipeline name and, for a loaded pipeline, the
    /// fingerprint of its files and its vocabulary releases (`PipelineProvenance`).
    public internal(set) var provenance: Provenance
    /// Qualifiers (`jurisdiction`, `as-of`) of lexicon-added facts by type, from `releases.yaml`.
    var lexiconFactQualifiers: [String: [String: [String]]] = [:]

    public init(definition: PipelineDefinition, knowledge: KnowledgeBase, ingesters: [any Ingester] = Pipeline.defaultIngesters) {
        self.definition = definition
        self.knowledge = knowledge
        self.ingesters = ingesters
        provenance = Provenance(pipeline: definition.name)
        stages = [
            Normalizer(), Segmenter(), Tokenizer(vocabulary: knowledge.vocabulary), Tagger(knowledge: knowledge),
            ContextAnnotator(knowledge: knowledge), FactAssembler(knowledge: knowledge),
        ]
        enricher = definition.stages.contains("enrich") ? LexiconEnricher(lexicon: knowledge.lexicon) : nil
    }

    /// Ingesters for every supported format, most specific first. `FormatDetector` picks SPL,
    /// ePI, other XML or plain text by content and refuses UTF-16 and FHIR JSON clearly.
    public static let defaultIngesters: [any Ingester] = [FormatDetector()]

    /// Loads a definition and compiles the lexicons and rules it names.
    public static func load(contentsOf path: String) throws(InputError) -> Pipeline {
        let definition = try PipelineDefinition.load(contentsOf: path)
        var lexicon = Lexicon()
        for file in definition.lexicons {
            lexicon.append(contentsOf: try Lexicon.load(contentsOf: PipelineDefinition.resolve(file, against: path)))
        }
        let rules: RulePack = try YAMLFile.decode(PipelineDefinition.resolve(definition.rules, against: path))
        let context: ContextRules = try YAMLFile.decode(PipelineDefinition.resolve(definition.context, against: path))
        let knowledge = try KnowledgeBase(lexicon: lexicon, rules: rules, context: context)
        let mappings: [XMLSectionMapping]
        do { mappings = try definition.xmlSectionMappings() } catch {
            throw InputError(.configuration, path: path, reason: "xml.sections: \(error.reason)")
        }
        var pipeline = Pipeline(definition: definition, knowledge: knowledge, ingesters: [FormatDetector(xmlMappings: mappings)])
        let origins = try PipelineProvenance.compute(definition: definition, path: path)
        pipeline.provenance = origins.provenance
        pipeline.lexiconFactQualifiers = origins.lexiconFactQualifiers
        return pipeline
    }

    /// The default pipeline file: `$RXFACTS_PIPELINE`, else `Pipelines/default.yaml` in the
    /// current directory, else `Pipelines/default.yaml` or `share/rxfacts/Pipelines/default.yaml`
    /// (where `Scripts/install.sh` puts it) in a parent of the executable's directory.
    public static func defaultDefinitionPath(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["RXFACTS_PIPELINE"], !env.isEmpty { return env }
        let local = "Pipelines/default.yaml"
        if fm.fileExists(atPath: local) { return local }
        var directory = URL(fileURLWithPath: executablePath(executable)).resolvingSymlinksInPath().deletingLastPathComponent()
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
        for ingester in ingesters where ingester.accepts(input) {
            return try ingester.ingest(input)
        }
        throw InputError(.unsupportedFormat, path: input.path, reason: "no ingester accepts this input")
    }

    /// Runs every stage and returns the analyzed document (all layers, for tools and tests).
    public func analyze(_ input: SourceInput) throws(InputError) -> AnalyzedDocument {
        analyze(ingested: try ingest(input))
    }

    /// Runs every stage after ingestion on an already ingested document (e.g. a gold-set text
    /// whose section the caller knows and declares in `ingested.sections`).
    public func analyze(ingested: IngestedDocument) -> AnalyzedDocument {
        var doc = AnalyzedDocument(ingested: ingested)
        for stage in stages { stage.process(&doc) }
        return doc
    }

    /// Extracts the record of one input.
    public func extract(_ input: SourceInput) throws(InputError) -> Record {
        let doc = try analyze(input)
        var info = doc.ingested.info
        if !doc.sections.isEmpty {
            // The segmenter's names (with paths for unclassified subsections) are the ones evidence uses.
            var names: [String] = []
            for section in doc.sections where names.last != section.name { names.append(section.name) }
            info.sections = names
        }
        var record = Record(document: info, drugs: doc.drugs, provenance: provenance)
        if let enricher {
            record = PipelineProvenance.qualifyLexiconFacts(enricher.enrich(record, anchors: drugAnchors(doc)), lexiconFactQualifiers)
        }
        return CharacterOffsets.adding(to: record, source: doc.ingested.source)
    }

    /// Evidence of each subject drug's first mention (its name, a brand, or a declared ingredient).
    func drugAnchors(_ doc: AnalyzedDocument) -> [String: Evidence] {
        var anchors: [String: Evidence] = [:]
        let subjects = Set(doc.subjects.map(\.name))
        for mention in doc.terms {
            for name in knowledge.drugNames(of: mention) where subjects.contains(name) && anchors[name] == nil {
                anchors[name] = doc.evidence(for: mention.range, section: doc.sections[doc.sentences[mention.sentence].section].name)
            }
        }
        for product in doc.ingested.products {
            for ingredient in product.ingredients {
                guard let provenance = ingredient.provenance else { continue }
                for subject in doc.subjects where anchors[subject.name] == nil && subject.name == ingredient.name.lowercased() {
                    let text = String(decoding: doc.ingested.source[provenance.range], as: UTF8.self)
                    anchors[subject.name] = Evidence(section: "spl-metadata", start: provenance.range.lowerBound, end: provenance.range.upperBound, text: text, path: provenance.path)
                }
            }
        }
        return anchors
    }

    /// The record of one input as a JSON line.
    public func extractLine(_ input: SourceInput) throws(InputError) -> [UInt8] {
        encoder.encodeLine(try extract(input))
    }
}

extension Pipeline {
    /// Time spent per stage (seconds of CPU on this thread) over `inputs`, for benchmarks.
    /// Inputs that fail to ingest are skipped; the count of documents processed is returned.
    public func profileStages(_ inputs: [SourceInput]) -> (documents: Int, bytes: Int, seconds: [(stage: String, seconds: Double)]) {
        let clock = ContinuousClock()
        var totals = Array(repeating: Duration.zero, count: stages.count + 3)
        var documents = 0
        var bytes = 0
        for input in inputs {
            var start = clock.now
            guard let ingested = try? ingest(input) else { continue }
            totals[0] += clock.now - start
            var doc = AnalyzedDocument(ingested: ingested)
            for (index, stage) in stages.enumerated() {
                start = clock.now
                stage.process(&doc)
                totals[index + 1] += clock.now - start
            }
            start = clock.now
            var record = Record(document: doc.ingested.info, drugs: doc.drugs)
            if let enricher { record = enricher.enrich(record, anchors: drugAnchors(doc)) }
            totals[stages.count + 1] += clock.now - start
            start = clock.now
            _ = encoder.encodeLine(record)
            totals[stages.count + 2] += clock.now - start
            documents += 1
            bytes += input.bytes.count
        }
        let names = ["ingest"] + stages.map { type(of: $0).name } + ["enrich", "emit"]
        return (documents, bytes, zip(names, totals).map { ($0, Double($1.components.seconds) + Double($1.components.attoseconds) / 1e18) })
    }
}
