import Foundation
import Yams

/// A YAML data file read with positions: every node keeps its line and column, so a mistake in a
/// pipeline or rule file — a misspelt key, a value of the wrong shape, an unknown kind — is reported
/// as `file:line:column: reason` instead of being silently ignored.
package struct YAMLFile {
    package let path: String
    package let root: Node

    /// One step of a path into the document: a mapping key or a list index.
    package enum PathElement: Hashable, CustomStringConvertible {
        case key(String)
        case index(Int)

        package var description: String {
            switch self {
            case .key(let key): ".\(key)"
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// Merge keys (`<<`) only, as Yams' own `YAMLDecoder` resolves when it parses.
    static let resolver = Resolver.basic.appending(.merge)

    /// Reads and parses `path`; syntax errors carry libyaml's position.
    package static func load(_ path: String) throws(InputError) -> YAMLFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.configuration, path: path, reason: "cannot read file")
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw InputError(.configuration, path: path, reason: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses YAML text; `path` names it in errors.
    package static func parse(_ text: String, path: String) throws(InputError) -> YAMLFile {
        let node: Node?
        do {
            // The resolver Yams' own `YAMLDecoder` parses with: merge keys only. Values are typed by
            // the Decodable they decode into, so no scalar needs the core schema's regular
            // expressions (bool, int, float, null, timestamp), which cost a start ~5 ms.
            node = try Yams.compose(yaml: text, Self.resolver)
        } catch let error as YamlError {
            let position = error.position
            throw InputError(
                .configuration, path: path, line: position?.line, column: position?.column,
                reason: "invalid YAML: \(error)")
        } catch {
            throw InputError(.configuration, path: path, reason: "invalid YAML: \(error)")
        }
        guard let node else {
            throw InputError(.configuration, path: path, line: 1, column: 1, reason: "the file is empty")
        }
        return YAMLFile(path: path, root: node)
    }

    /// Checks the document against `shape` (keys, lists, scalars), then decodes it.
    package func decode<T: Decodable>(_ type: T.Type, shape: YAMLShape) throws(InputError) -> T {
        try check(root, against: shape, at: [])
        return try decode(type, from: root, at: [])
    }

    /// Decodes `node`, which sits at `path`, turning decoding errors into positioned errors.
    package func decode<T: Decodable>(_ type: T.Type, from node: Node, at path: [PathElement]) throws(InputError) -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: node)
        } catch let error as DecodingError {
            let (codingPath, reason) = error.explanation
            let full = path + codingPath.map { $0.intValue.map(PathElement.index) ?? .key($0.stringValue) }
            throw self.error(at: full, reason)
        } catch {
            throw self.error(at: path, "\(error)")
        }
    }

    /// The node at `path`, or nil.
    package func node(at path: [PathElement]) -> Node? {
        var node = root
        for element in path {
            switch (element, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let value = mapping.first(where: { $0.key.string == key })?.value else { return nil }
                node = value
            case (.index(let index), .sequence(let sequence)):
                guard sequence.indices.contains(index) else { return nil }
                node = sequence[index]
            default:
                return nil
            }
        }
        return node
    }

    /// An error at the deepest node of `path` that exists (the file's start when none does).
    package func error(at path: [PathElement], _ reason: String) -> InputError {
        var prefix = path
        while !prefix.isEmpty, node(at: prefix) == nil { prefix.removeLast() }
        let mark = node(at: prefix)?.mark
        return InputError(
            .configuration, path: self.path, line: mark?.line ?? 1, column: mark?.column ?? 1, reason: reason)
    }

    /// An error at a node.
    package func error(at node: Node, _ reason: String) -> InputError {
        InputError(
            .configuration, path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, reason: reason)
    }

    /// "rules[3].targets" for messages.
    package static func describe(_ path: [PathElement]) -> String {
        let text = path.map(\.description).joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the top level" : text)
    }

    private func check(_ node: Node, against shape: YAMLShape, at path: [PathElement]) throws(InputError) {
        switch shape {
        case .any:
            return
        case .scalar:
            guard case .scalar = node else {
                throw error(at: node, "\(Self.describe(path)): expected a single value, found \(node.kindName)")
            }
        case .list(let item):
            guard case .sequence(let sequence) = node else {
                throw error(at: node, "\(Self.describe(path)): expected a list, found \(node.kindName)")
            }
            for (index, element) in sequence.enumerated() {
                try check(element, against: item, at: path + [.index(index)])
            }
        case .mapping(let fields):
            guard case .mapping(let mapping) = node else {
                throw error(at: node, "\(Self.describe(path)): expected a mapping of keys, found \(node.kindName)")
            }
            for (key, value) in mapping {
                let name = key.string ?? ""
                guard let field = fields[name] else {
                    var reason = "unknown key '\(name)' in \(Self.describe(path))"
                    if let suggestion = Self.closest(name, among: fields.keys) {
                        reason += "; did you mean '\(suggestion)'?"
                    }
                    reason += " (keys: \(fields.keys.sorted().joined(separator: ", ")))"
                    throw error(at: key, reason)
                }
                try check(value, against: field, at: path + [.key(name)])
            }
        case .dictionary(let value):
            guard case .mapping(let mapping) = node else {
                throw error(at: node, "\(Self.describe(path)): expected a mapping, found \(node.kindName)")
            }
            for (key, element) in mapping { try check(element, against: value, at: path + [.key(key.string ?? "")]) }
        }
    }

    /// The allowed word within edit distance 2 of `word`, if any (for "did you mean").
    package static func closest(_ word: String, among candidates: some Sequence<String>) -> String? {
        var best: (distance: Int, word: String)?
        for candidate in candidates {
            let distance = editDistance(Array(word.utf8), Array(candidate.utf8))
            guard distance <= 2 else { continue }
            if let current = best, (current.distance, current.word) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.word
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1..<(b.count + 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// What a YAML node must look like: the keys a mapping may have, lists, single values.
package indirect enum YAMLShape: Sendable {
    /// Anything (checked by decoding).
    case any
    /// A single value: string, number, boolean.
    case scalar
    case list(YAMLShape)
    /// A mapping with these keys (all optional here; decoding checks required ones).
    case mapping([String: YAMLShape])
    /// A mapping whose keys the user names (e.g. qualifier names), each value of one shape.
    case dictionary(YAMLShape)
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
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
    /// The coding path of the error and a sentence saying what was wrong.
    var explanation: (path: [any CodingKey], reason: String) {
        func path(_ context: DecodingError.Context) -> String {
            YAMLFile.describe(
                context.codingPath.map { $0.intValue.map(YAMLFile.PathElement.index) ?? .key($0.stringValue) })
        }
        switch self {
        case .keyNotFound(let key, let context):
            return (context.codingPath, "missing key '\(key.stringValue)' in \(path(context))")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return (context.codingPath, "\(path(context)): expected \(Self.typeName(type))")
        case .dataCorrupted(let context):
            return (context.codingPath, "\(path(context)): \(context.debugDescription)")
        @unknown default:
            return ([], "\(self)")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        case is [String].Type: "a list of text"
        default: "\(type)"
        }
    }
}
