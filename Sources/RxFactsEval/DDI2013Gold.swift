import Foundation
import RxFacts
import RxFactsDiff

/// Converts the DDI Extraction 2013 corpus (`ddi2013/Train/DrugBank/*.xml`).
///
/// One gold document per XML file; its sentences are joined with line breaks. Entities
/// (`drug`, `brand`, `group`, `drug_n`) become `drug` annotations whose concept is the entity type;
/// `charOffset="a-b"` is inclusive and counts characters of the sentence; a discontinuous entity
/// (`a-b;c-d`) is scored on its hull. Pairs with `ddi="true"` are kept with their type.
/// The corpus is CC BY-NC: it is read from `../shared/data` at evaluation time and never copied.
package enum DDI2013Gold {
    package static func load(directory: String) throws(GoldSetError) -> [GoldDocument] {
        var root = directory
        for candidate in ["Train/DrugBank", "DrugBank"] {
            let path = (directory as NSString).appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: path) {
                root = path
                break
            }
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: root) } catch {
            throw GoldSetError(path: root, reason: "cannot list directory")
        }
        let files = names.filter { $0.hasSuffix(".xml") }.sorted()
        if files.isEmpty { throw GoldSetError(path: root, reason: "no DDI 2013 *.xml files") }
        var documents: [GoldDocument] = []
        for name in files {
            let path = (root as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GoldSetError(path: path, reason: "cannot read file")
            }
            let title = name.replacingOccurrences(of: "_ddi.xml", with: "").replacingOccurrences(of: ".xml", with: "")
            documents.append(try parse([UInt8](data), path: path, title: title))
        }
        return documents
    }

    package static func parse(_ bytes: [UInt8], path: String, title: String) throws(GoldSetError) -> GoldDocument {
        var text: [UInt8] = []
        var sentences: [Range<Int>] = []
        var annotations: [GoldDocument.Annotation] = []
        var entityIndex: [String: Int] = [:]
        var pairs: [GoldDocument.Pair] = []
        var documentID = title
        var sentenceOffsets = ScalarOffsets("")
        var sentenceStart = 0
        var sentenceText = ""
        for tag in try StartTagScanner.startTags(bytes, path: path) {
            let at = tag.line
            switch tag.name {
            case "document":
                documentID = tag.attributes["id"] ?? title
            case "sentence":
                guard let value = tag.attributes["text"] else {
                    throw GoldSetError(path: path, line: at, reason: "<sentence> without text")
                }
                if !text.isEmpty { text.append(0x0A) }
                sentenceStart = text.count
                text += Array(value.utf8)
                sentences.append(sentenceStart..<text.count)
                sentenceOffsets = ScalarOffsets(value)
                sentenceText = value
            case "entity":
                guard let id = tag.attributes["id"], let offset = tag.attributes["charOffset"],
                    let surface = tag.attributes["text"], let type = tag.attributes["type"], !sentences.isEmpty
                else {
                    throw GoldSetError(
                        path: path, line: at, reason: "<entity> needs id, charOffset, type, text inside a sentence")
                }
                var lower = Int.max
                var upper = Int.min
                for fragment in offset.split(separator: ";") {
                    let bounds = fragment.split(separator: "-").compactMap { Int($0) }
                    guard bounds.count == 2 else {
                        throw GoldSetError(path: path, line: at, reason: "charOffset '\(offset)' is not a-b[;c-d]")
                    }
                    lower = min(lower, bounds[0])
                    upper = max(upper, bounds[1] + 1)
                }
                guard let range = sentenceOffsets.bytes(lower, upper) else {
                    throw GoldSetError(
                        path: path, line: at,
                        reason: "charOffset '\(offset)' is outside the sentence (\(sentenceText.count) characters)")
                }
                entityIndex[id] = annotations.count
                annotations.append(
                    .init(
                        type: "drug", range: (sentenceStart + range.lowerBound)..<(sentenceStart + range.upperBound),
                        text: surface, concept: type))
            case "pair":
                guard tag.attributes["ddi"] == "true" else { continue }
                guard let e1 = tag.attributes["e1"].flatMap({ entityIndex[$0] }),
                    let e2 = tag.attributes["e2"].flatMap({ entityIndex[$0] })
                else {
                    throw GoldSetError(path: path, line: at, reason: "<pair> refers to an unknown entity")
                }
                pairs.append(.init(first: e1, second: e2, kind: tag.attributes["type"] ?? "int"))
            default:
                continue
            }
        }
        return GoldDocument(
            id: documentID, group: documentID, title: title, text: text,
            annotations: annotations, pairs: pairs, sentences: sentences)
    }
}

/// Just enough XML to read flat, attribute-only annotation files such as DDI 2013: start tags,
/// their attributes (with the five predefined and numeric entities decoded) and their line.
enum StartTagScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
        var line: Int
    }

    static func startTags(_ bytes: [UInt8], path: String) throws(GoldSetError) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var i = 0
        let n = bytes.count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        while i < n {
            if bytes[i] == 0x0A { line += 1 }
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            let tagLine = line
            i += 1
            guard i < n else { break }
            if bytes[i] == UInt8(ascii: "/") || bytes[i] == UInt8(ascii: "?") || bytes[i] == UInt8(ascii: "!") {
                while i < n && bytes[i] != UInt8(ascii: ">") {
                    if bytes[i] == 0x0A { line += 1 }
                    i += 1
                }
                continue
            }
            var nameEnd = i
            while nameEnd < n && !isSpace(bytes[nameEnd]) && bytes[nameEnd] != UInt8(ascii: ">")
                && bytes[nameEnd] != UInt8(ascii: "/")
            { nameEnd += 1 }
            let name = String(decoding: bytes[i..<nameEnd], as: UTF8.self)
            i = nameEnd
            var attributes: [String: String] = [:]
            while i < n {
                while i < n && isSpace(bytes[i]) {
                    if bytes[i] == 0x0A { line += 1 }
                    i += 1
                }
                guard i < n else { break }
                if bytes[i] == UInt8(ascii: ">") {
                    i += 1
                    break
                }
                if bytes[i] == UInt8(ascii: "/") {
                    i += 1
                    continue
                }
                var keyEnd = i
                while keyEnd < n && bytes[keyEnd] != UInt8(ascii: "=") && !isSpace(bytes[keyEnd]) { keyEnd += 1 }
                let key = String(decoding: bytes[i..<keyEnd], as: UTF8.self)
                var j = keyEnd
                while j < n && isSpace(bytes[j]) { j += 1 }
                guard j + 1 < n, bytes[j] == UInt8(ascii: "="),
                    bytes[j + 1] == UInt8(ascii: "\"") || bytes[j + 1] == UInt8(ascii: "'")
                else {
                    throw GoldSetError(
                        path: path, line: line, reason: "attribute '\(key)' of <\(name)> has no quoted value")
                }
                let quote = bytes[j + 1]
                var valueEnd = j + 2
                while valueEnd < n && bytes[valueEnd] != quote {
                    if bytes[valueEnd] == 0x0A { line += 1 }
                    valueEnd += 1
                }
                guard valueEnd < n else {
                    throw GoldSetError(
                        path: path, line: tagLine, reason: "unterminated attribute '\(key)' of <\(name)>")
                }
                attributes[key] = decodeEntities(bytes[(j + 2)..<valueEnd])
                i = valueEnd + 1
            }
            tags.append(Tag(name: name, attributes: attributes, line: tagLine))
        }
        return tags
    }

    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "&"), let semicolon = bytes[i...].prefix(10).firstIndex(of: UInt8(ascii: ";")),
                let decoded = LabeledInGold.entity(String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self))
            {
                output += Array(decoded.utf8)
                i = semicolon + 1
            } else {
                output.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
