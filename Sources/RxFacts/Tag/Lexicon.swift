import Foundation

/// A set of concepts read from `rxfacts-lexicon/1` TSV files (see `Pipelines/LEXICON-FORMAT.md`).
public struct Lexicon: Sendable {
    /// One concept: its kind, canonical name, surface forms, codes and attributes.
    public struct Entry: Sendable, Hashable {
        public var kind: String
        public var canonical: String
        public var variants: [String]
        /// `system:code` strings in file order.
        public var codes: [String]
        public var attributes: [String: String]
        /// `file:line` the entry came from, for messages.
        public var origin: String

        public init(kind: String, canonical: String, variants: [String], codes: [String] = [], attributes: [String: String] = [:], origin: String = "") {
            self.kind = kind
            self.canonical = canonical
            self.variants = variants
            self.codes = codes
            self.attributes = attributes
            self.origin = origin
        }

        /// The first code of a system, e.g. `code(in: "rxcui")`.
        public func code(in system: String) -> String? {
            for code in codes where code.hasPrefix(system + ":") { return String(code.dropFirst(system.count + 1)) }
            return nil
        }

        /// Ingredients a brand stands for (`ingredient=a|b`), or the entry itself for a drug.
        public var ingredients: [String] {
            if kind == "brand" { return attributes["ingredient"].map { $0.split(separator: "|").map(String.init) } ?? [] }
            return [canonical]
        }
    }

    public private(set) var entries: [Entry] = []

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public mutating func append(contentsOf other: Lexicon) {
        entries.append(contentsOf: other.entries)
    }

    /// Reads a lexicon file; every malformed line is reported with file and line.
    public static func load(contentsOf path: String) throws(InputError) -> Lexicon {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.configuration, path: path, reason: "cannot read lexicon file")
        }
        return try parse([UInt8](data), path: path)
    }

    /// Parses TSV bytes; `path` names the file in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> Lexicon {
        var entries: [Entry] = []
        var lineNumber = 0
        var lineStart = 0
        var index = 0
        while lineStart < bytes.count {
            lineNumber += 1
            index = lineStart
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            var lineEnd = index
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { lineStart = index + 1 }
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            entries.append(try parseLine(line, path: path, line: lineNumber))
        }
        return Lexicon(entries: entries)
    }

    static func parseLine(_ line: String, path: String, line number: Int) throws(InputError) -> Entry {
        func fail(_ column: Int, _ reason: String) -> InputError {
            InputError(.configuration, path: path, line: number, column: column, reason: reason)
        }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4, fields.count <= 5 else {
            throw fail(1, "expected 4 or 5 tab-separated columns (kind, canonical, variants, codes[, attributes]), found \(fields.count)")
        }
        var column = 1
        let kind = fields[0]
        guard !kind.isEmpty, kind.utf8.allSatisfy({ $0 &- 0x61 < 26 || $0 == UInt8(ascii: "-") }) else {
            throw fail(column, "kind '\(kind)' must be lower-case letters and '-'")
        }
        column += fields[0].utf8.count + 1
        let canonical = fields[1].trimmingCharacters(in: .whitespaces)
        guard !canonical.isEmpty else { throw fail(column, "canonical name is empty") }
        column += fields[1].utf8.count + 1
        let variantsColumn = column
        var variants = [canonical]
        for variant in fields[2].split(separator: "|") {
            let v = variant.trimmingCharacters(in: .whitespaces)
            if !v.isEmpty && !variants.contains(v) { variants.append(v) }
        }
        column += fields[2].utf8.count + 1
        var codes: [String] = []
        if fields[3] != "-" && !fields[3].isEmpty {
            for code in fields[3].split(separator: " ") {
                guard let colon = code.firstIndex(of: ":"), colon != code.startIndex, code.index(after: colon) != code.endIndex else {
                    throw fail(column, "code '\(code)' must be system:code")
                }
                codes.append(String(code))
            }
        }
        column += fields[3].utf8.count + 1
        var attributes: [String: String] = [:]
        if fields.count == 5, !fields[4].isEmpty, fields[4] != "-" {
            for pair in fields[4].split(separator: ";") {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw fail(column, "attribute '\(pair)' must be key=value")
                }
                attributes[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
        }
        // `match=variants`: the canonical name is a label only ("CI" is also "confidence interval").
        if attributes["match"] == "variants" {
            if !fields[2].split(separator: "|").contains(where: { $0.trimmingCharacters(in: .whitespaces) == canonical }) {
                variants.removeFirst()
            }
            guard !variants.isEmpty else { throw fail(variantsColumn, "match=variants needs at least one variant") }
        }
        if kind == "brand" && attributes["ingredient"] == nil {
            throw fail(column, "brand '\(canonical)' needs an ingredient= attribute")
        }
        return Entry(kind: kind, canonical: canonical, variants: variants, codes: codes, attributes: attributes, origin: "\(path):\(number)")
    }
}
