import Foundation
import Yams

/// A pipeline definition file (`Pipelines/default.yaml`): the stages that run, in order, each
/// with its options (the lexicons and rule files it loads). Paths are relative to the file.
///
/// ```yaml
/// schema: rxfacts-pipeline/1
/// name: default
/// stages:
///   - ingest
///   - normalize
///   - segment
///   - tokenize
///   - tag: {lexicons: [lexicons/core.tsv]}
///   - context: {rules: rules/context.yaml}
///   - subject: {rules: rules/subject.yaml}
///   - assemble: {rules: rules/facts.yaml}
///   - emit
/// ```
///
/// Loading checks the file against the stage registry: an unknown stage or option, or a stage
/// placed before the stage producing a layer it needs, is an error at its `file:line:column`.
public struct PipelineDefinition: Sendable {
    /// One entry of `stages:`.
    package struct StageEntry: Sendable {
        package var name: String
        package var configuration: StageConfiguration
        package var line: Int
        package var column: Int
    }

    package var path: String
    package var schema: String?
    package var name: String
    package var stages: [StageEntry]
    /// How to cut XML leaflets of other formats (not SPL, not ePI) into sections.
    package var xml: XMLOptions?

    /// Stage names in order.
    package var stageNames: [String] { stages.map(\.name) }

    /// `xml: { sections: [{path: //chapter, title: heading, text: body, name: …}] }`.
    package struct XMLOptions: Codable, Sendable {
        package var sections: [SectionMapping]
    }

    /// One section mapping as written in the file; paths use `XMLPath` syntax.
    package struct SectionMapping: Codable, Sendable {
        package var path: String
        package var title: String?
        package var text: String?
        package var name: String?
    }

    static let shape: YAMLShape = .mapping([
        "schema": .scalar, "name": .scalar, "stages": .any,
        "xml": .mapping([
            "sections": .list(.mapping(["path": .scalar, "title": .scalar, "text": .scalar, "name": .scalar]))
        ]),
    ])

    /// The mappings compiled, or a configuration error naming the bad path.
    package func xmlSectionMappings() throws(InputError) -> [XMLSectionMapping] {
        var result: [XMLSectionMapping] = []
        for mapping in xml?.sections ?? [] {
            do {
                result.append(
                    try XMLSectionMapping(
                        path: mapping.path, title: mapping.title, text: mapping.text, name: mapping.name))
            } catch {
                throw InputError(.configuration, path: path, reason: "xml.sections: \(error.reason)")
            }
        }
        return result
    }

    /// Reads a definition and checks it against `registry`.
    package static func load(
        contentsOf path: String, registry: StageRegistry = .builtIn
    ) throws(InputError) -> PipelineDefinition {
        let file = try YAMLFile.load(path)
        return try parse(file, registry: registry)
    }

    /// Parses and checks a definition already read.
    package static func parse(_ file: YAMLFile, registry: StageRegistry) throws(InputError) -> PipelineDefinition {
        struct Header: Decodable {
            var schema: String?
            var name: String
            var xml: XMLOptions?
        }
        let header = try file.decode(Header.self, shape: shape)
        guard let stagesNode = file.node(at: [.key("stages")]) else {
            throw file.error(
                at: [], "missing key 'stages' (the list of stages to run, e.g. [ingest, normalize, …, emit])")
        }
        guard case .sequence(let items) = stagesNode, !items.isEmpty else {
            throw file.error(at: stagesNode, "stages: expected a non-empty list of stage names")
        }
        var entries: [StageEntry] = []
        for item in items {
            let (nameNode, options) = try stageItem(item, file: file)
            let name = nameNode.string ?? ""
            guard let descriptor = registry[name] else {
                var reason = "unknown stage '\(name)'"
                if let suggestion = YAMLFile.closest(name, among: registry.names) {
                    reason += "; did you mean '\(suggestion)'?"
                }
                reason += " (stages: \(registry.names.joined(separator: ", ")))"
                throw file.error(at: nameNode, reason)
            }
            guard !entries.contains(where: { $0.name == name }) else {
                throw file.error(at: nameNode, "stage '\(name)' is listed twice")
            }
            var values: [String: StageConfiguration.Value] = [:]
            for (keyNode, valueNode) in options {
                let key = keyNode.string ?? ""
                guard descriptor.options.contains(key) else {
                    var reason = "unknown option '\(key)' for stage '\(name)'"
                    if let suggestion = YAMLFile.closest(key, among: descriptor.options) {
                        reason += "; did you mean '\(suggestion)'?"
                    }
                    reason +=
                        descriptor.options.isEmpty
                        ? " (it takes none)" : " (options: \(descriptor.options.joined(separator: ", ")))"
                    throw file.error(at: keyNode, reason)
                }
                let line = valueNode.mark?.line ?? 1
                let column = valueNode.mark?.column ?? 1
                switch valueNode {
                case .scalar(let scalar):
                    values[key] = .single(scalar.string, line: line, column: column)
                case .sequence(let sequence):
                    var list: [String] = []
                    for element in sequence {
                        guard case .scalar(let scalar) = element else {
                            throw file.error(at: element, "\(name).\(key): expected a list of single values")
                        }
                        list.append(scalar.string)
                    }
                    values[key] = .list(list, line: line, column: column)
                default:
                    throw file.error(at: valueNode, "\(name).\(key): expected a value or a list of values")
                }
            }
            entries.append(
                StageEntry(
                    name: name,
                    configuration: StageConfiguration(stage: name, definitionPath: file.path, values: values),
                    line: nameNode.mark?.line ?? 1, column: nameNode.mark?.column ?? 1))
        }
        try checkOrder(entries, registry: registry, file: file)
        return PipelineDefinition(
            path: file.path, schema: header.schema, name: header.name, stages: entries, xml: header.xml)
    }

    /// A stage item is a name (`- normalize`) or a name with options (`- assemble: {rules: …}`).
    private static func stageItem(_ item: Node, file: YAMLFile) throws(InputError) -> (Node, [(Node, Node)]) {
        switch item {
        case .scalar:
            return (item, [])
        case .mapping(let mapping) where mapping.count == 1:
            guard let (key, value) = mapping.first else { return (item, []) }
            switch value {
            case .mapping(let options): return (key, options.map { ($0.key, $0.value) })
            case .scalar(let scalar) where ["", "~", "null"].contains(scalar.string): return (key, [])
            default:
                throw file.error(
                    at: value, "options of stage '\(key.string ?? "")': expected a mapping such as {rules: FILE}")
            }
        default:
            throw file.error(
                at: item, "a stage is a name (- normalize) or a name with options (- assemble: {rules: FILE})")
        }
    }

    /// Every layer a stage requires (or rewrites) must come from a stage before it; the first
    /// stage must be `ingest`, and some stage must produce the record.
    private static func checkOrder(_ entries: [StageEntry], registry: StageRegistry, file: YAMLFile) throws(InputError)
    {
        func producer(of layer: DocumentLayer) -> String? {
            registry.names.first { registry[$0]?.produces.contains(layer) == true }
        }
        func at(_ entry: StageEntry) -> (Int, Int) { (entry.line, entry.column) }
        guard let first = entries.first, first.name == StageRegistry.ingestName else {
            let entry = entries.first(where: { $0.name == StageRegistry.ingestName }) ?? entries[0]
            throw InputError(
                .configuration, path: file.path, line: entry.line, column: entry.column,
                reason:
                    "the first stage must be '\(StageRegistry.ingestName)' (it reads the inputs every other stage works on)"
            )
        }
        var produced: [DocumentLayer: String] = [:]
        for entry in entries {
            guard let descriptor = registry[entry.name] else { continue }
            for layer in descriptor.requires + descriptor.rewrites where produced[layer] == nil {
                let by = producer(of: layer)
                let later = by.flatMap { name in entries.contains { $0.name == name } ? name : nil }
                let reason: String
                if let later {
                    reason =
                        "stage '\(entry.name)' needs layer '\(layer)', which '\(later)' produces: put '\(later)' before '\(entry.name)'"
                } else if let by {
                    reason =
                        "stage '\(entry.name)' needs layer '\(layer)', which '\(by)' produces: add '\(by)' before '\(entry.name)'"
                } else {
                    reason = "stage '\(entry.name)' needs layer '\(layer)', which no registered stage produces"
                }
                throw InputError(
                    .configuration, path: file.path, line: entry.line, column: entry.column, reason: reason)
            }
            for layer in descriptor.produces { produced[layer] = entry.name }
        }
        guard produced[.record] != nil else {
            let last = entries[entries.count - 1]
            throw InputError(
                .configuration, path: file.path, line: last.line, column: last.column,
                reason: "no stage produces the record: end the list with 'emit'")
        }
    }

    /// Resolves `relative` against the directory of `definitionPath`.
    package static func resolve(_ relative: String, against definitionPath: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let directory = (definitionPath as NSString).deletingLastPathComponent
        return directory.isEmpty ? relative : directory + "/" + relative
    }
}
