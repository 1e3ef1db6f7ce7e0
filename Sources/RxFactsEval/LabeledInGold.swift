import Foundation
import RxFacts
import RxFactsDiff

/// Converts LabeledIn (`labeledin/LabeledIn_annotated_XML*.txt`): Indications and Usage sections
/// with inline `<annotation cui="C…">mention</annotation>` marks.
///
/// Each line is `studyID|SetID|section|other SetIDs`. Markup is removed: `<br>`, `<div>`, `<p>`,
/// `<li>` and their end tags become a line break, other tags vanish, character entities are decoded;
/// annotation offsets are byte offsets into the resulting text. Every occurrence is annotated.
package enum LabeledInGold {
    package static func load(directory: String) throws(GoldSetError) -> [GoldDocument] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw GoldSetError(path: directory, reason: "cannot list directory")
        }
        let files = names.filter { $0.hasPrefix("LabeledIn_annotated_XML") && $0.hasSuffix(".txt") }.sorted()
        if files.isEmpty { throw GoldSetError(path: directory, reason: "no LabeledIn_annotated_XML*.txt file") }
        var documents: [GoldDocument] = []
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GoldSetError(path: path, reason: "cannot read file")
            }
            documents += try parse(String(decoding: data, as: UTF8.self), path: path)
        }
        return documents
    }

    package static func parse(_ content: String, path: String) throws(GoldSetError) -> [GoldDocument] {
        var documents: [GoldDocument] = []
        for (index, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count >= 3 else {
                throw GoldSetError(path: path, line: index + 1, reason: "expected studyID|SetID|section|other SetIDs")
            }
            let body = fields.count == 3 ? String(fields[2]) : fields[2..<(fields.count - 1)].joined(separator: "|")
            let (text, annotations, notes) = try strip(body, path: path, line: index + 1)
            var document = GoldDocument(
                id: String(fields[0]), group: String(fields[0]), title: String(fields[1]),
                text: text, annotations: annotations, section: "indications and usage")
            document.notes = notes
            documents.append(document)
        }
        return documents
    }

    static let breakingTags: Set<String> = ["br", "div", "p", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4"]

    /// Removes markup, returning UTF-8 text and the annotations with byte ranges.
    static func strip(
        _ body: String, path: String, line: Int
    ) throws(GoldSetError) -> ([UInt8], [GoldDocument.Annotation], [String]) {
        let input = Array(body.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var annotations: [GoldDocument.Annotation] = []
        var notes: [String] = []
        var open: [(start: Int, cui: String)] = []  // annotations nest in a few labels
        var i = 0
        while i < input.count {
            let byte = input[i]
            if byte == UInt8(ascii: "<"), let close = input[i...].firstIndex(of: UInt8(ascii: ">")) {
                let tag = String(decoding: input[(i + 1)..<close], as: UTF8.self)
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if name == "annotation" {
                    if tag.hasPrefix("/") {
                        guard let current = open.popLast() else {
                            // The published file has a stray end tag (line 53, levothyroxine): keep going, say so.
                            notes.append("\(path):\(line): ignored </annotation> without an open annotation")
                            i = close + 1
                            continue
                        }
                        let mention = String(decoding: output[current.start...], as: UTF8.self)
                        annotations.append(
                            .init(
                                type: .indication, range: current.start..<output.count,
                                text: mention, concept: current.cui))
                    } else {
                        open.append((output.count, attribute("cui", in: tag) ?? ""))
                    }
                } else if breakingTags.contains(name) {
                    output.append(0x0A)
                }
                i = close + 1
                continue
            }
            if byte == UInt8(ascii: "&"), let semicolon = input[i...].prefix(10).firstIndex(of: UInt8(ascii: ";")),
                let decoded = entity(String(decoding: input[(i + 1)..<semicolon], as: UTF8.self))
            {
                output += Array(decoded.utf8)
                i = semicolon + 1
                continue
            }
            output.append(byte)
            i += 1
        }
        if !open.isEmpty { throw GoldSetError(path: path, line: line, reason: "<annotation> never closed") }
        return (output, annotations, notes)
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: "\(name)=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                return String(Character(scalar))
            }
            if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                return String(Character(scalar))
            }
            return nil
        }
    }
}
