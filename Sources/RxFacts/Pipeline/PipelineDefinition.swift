import Foundation
import Yams

/// A pipeline definition file (`Pipelines/default.yaml`): which stages run and which
/// lexicons and rule packs they load. Paths are relative to the definition file.
public struct PipelineDefinition: Codable, Sendable {
    public var schema: String?
    public var name: String
    public var stages: [String]
    public var lexicons: [String]
    public var rules: String
    public var context: String
    /// How to cut XML leaflets of other formats (not SPL, not ePI) into sections.
    public var xml: XMLOptions?

    /// `xml: { sections: [{path: //chapter, title: heading, text: body, name: …}] }`.
    public struct XMLOptions: Codable, Sendable {
        public var sections: [SectionMapping]
    }

    /// One section mapping as written in the file; paths use `XMLPath` syntax.
    public struct SectionMapping: Codable, Sendable {
        public var path: String
        public var title: String?
        public var text: String?
        public var name: String?
    }

    /// The mappings compiled, or a configuration error naming the bad path.
    public func xmlSectionMappings() throws(InputError) -> [XMLSectionMapping] {
        var result: [XMLSectionMapping] = []
        for mapping in xml?.sections ?? [] {
            result.append(try XMLSectionMapping(path: mapping.path, title: mapping.title, text: mapping.text, name: mapping.name))
        }
        return result
    }

    /// Stage names in the only order they can run.
    public static let stageOrder = ["ingest", "normalize", "segment", "tokenize", "tag", "context", "assemble", "enrich", "emit"]
    /// Stages a pipeline may leave out.
    public static let optionalStages: Set<String> = ["enrich"]

    /// Reads and validates a definition.
    public static func load(contentsOf path: String) throws(InputError) -> PipelineDefinition {
        let definition: PipelineDefinition = try YAMLFile.decode(path)
        var last = -1
        for stage in definition.stages {
            guard let position = stageOrder.firstIndex(of: stage) else {
                throw InputError(.configuration, path: path, reason: "unknown stage '\(stage)'; stages are \(stageOrder.joined(separator: ", "))")
            }
            guard position > last else {
                throw InputError(.configuration, path: path, reason: "stage '\(stage)' is out of order; the order is \(stageOrder.joined(separator: " → "))")
            }
            last = position
        }
        for required in stageOrder where !definition.stages.contains(required) && !optionalStages.contains(required) {
            throw InputError(.configuration, path: path, reason: "stage '\(required)' is missing; every pipeline runs \(stageOrder.joined(separator: " → "))")
        }
        return definition
    }

    /// Resolves `relative` against the directory of `definitionPath`.
    public static func resolve(_ relative: String, against definitionPath: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let directory = (definitionPath as NSString).deletingLastPathComponent
        return directory.isEmpty ? relative : directory + "/" + relative
    }
}

/// Decodes YAML files, turning parser and schema errors into `InputError`s with positions.
enum YAMLFile {
    static func decode<T: Decodable>(_ path: String) throws(InputError) -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.configuration, path: path, reason: "cannot read file")
        }
        let text = String(decoding: data, as: UTF8.self)
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as YamlError {
            throw InputError(.configuration, path: path, line: error.position?.line, column: error.position?.column, reason: "invalid YAML: \(error)")
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, let yaml = context.underlyingError as? YamlError {
                throw InputError(.configuration, path: path, line: yaml.position?.line, column: yaml.position?.column, reason: "invalid YAML: \(yaml)")
            }
            throw InputError(.configuration, path: path, reason: error.explanation)
        } catch {
            throw InputError(.configuration, path: path, reason: "\(error)")
        }
    }
}

extension YamlError {
    var position: (line: Int, column: Int)? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return (mark.line, mark.column)
        default:
            return nil
        }
    }
}

extension DecodingError {
    /// "rules[3].targets: expected a list" style explanation.
    var explanation: String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch self {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "missing key '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context)): expected \(type): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
