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

    /// Parses TSV bytes; `path` names the file in errors. Works on bytes (no Foundation string
    /// calls): the full lexicons are ~90,000 lines and load at every start.
    public static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> Lexicon {
        var entries: [Entry] = []
        entries.reserveCapacity(bytes.count / 80)
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var index = lineStart
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            var lineEnd = index
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = lineStart..<lineEnd
            lineStart = index + 1
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            if bytes[line].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            entries.append(try parseLine(bytes, line, path: path, line: lineNumber))
        }
        return Lexicon(entries: entries)
    }

    /// Parses one line given as text (for tools and tests).
    static func parseLine(_ line: String, path: String, line number: Int) throws(InputError) -> Entry {
        let bytes = Array(line.utf8)
        return try parseLine(bytes, 0..<bytes.count, path: path, line: number)
    }

    static func parseLine(_ bytes: [UInt8], _ line: Range<Int>, path: String, line number: Int) throws(InputError) -> Entry {
        func fail(_ column: Int, _ reason: String) -> InputError {
            InputError(.configuration, path: path, line: number, column: column, reason: reason)
        }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var a = range.lowerBound
            var b = range.upperBound
            while a < b, bytes[a] == 0x20 { a += 1 }
            while b > a, bytes[b - 1] == 0x20 { b -= 1 }
            return a..<b
        }
        func split(_ range: Range<Int>, on separator: UInt8) -> [Range<Int>] {
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            for i in range where bytes[i] == separator {
                parts.append(start..<i)
                start = i + 1
            }
            parts.append(start..<range.upperBound)
            return parts
        }
        let fields = split(line, on: 0x09)
        guard fields.count >= 4, fields.count <= 5 else {
            throw fail(1, "expected 4 or 5 tab-separated columns (kind, canonical, variants, codes[, attributes]), found \(fields.count)")
        }
        // Columns are 1-based byte columns of each field's start.
        func column(_ field: Int) -> Int { fields[field].lowerBound - line.lowerBound + 1 }
        guard !fields[0].isEmpty, bytes[fields[0]].allSatisfy({ $0 &- 0x61 < 26 || $0 == UInt8(ascii: "-") }) else {
            throw fail(column(0), "kind '\(string(fields[0]))' must be lower-case letters and '-'")
        }
        let kind = string(fields[0])
        let canonicalRange = trimmed(fields[1])
        guard !canonicalRange.isEmpty else { throw fail(column(1), "canonical name is empty") }
        let canonical = string(canonicalRange)
        var variants = [canonical]
        var canonicalListed = false
        for part in split(fields[2], on: UInt8(ascii: "|")) {
            let range = trimmed(part)
            guard !range.isEmpty else { continue }
            let variant = string(range)
            if variant == canonical { canonicalListed = true }
            if !variants.contains(variant) { variants.append(variant) }
        }
        var codes: [String] = []
        let codeField = fields[3]
        if !(codeField.count == 1 && bytes[codeField.lowerBound] == UInt8(ascii: "-")) && !codeField.isEmpty {
            for part in split(codeField, on: 0x20) where !part.isEmpty {
                guard let colon = bytes[part].firstIndex(of: UInt8(ascii: ":")), colon != part.lowerBound, colon + 1 != part.upperBound else {
                    throw fail(column(3), "code '\(string(part))' must be system:code")
                }
                codes.append(string(part))
            }
        }
        var attributes: [String: String] = [:]
        if fields.count == 5, !fields[4].isEmpty, !(fields[4].count == 1 && bytes[fields[4].lowerBound] == UInt8(ascii: "-")) {
            for pair in split(fields[4], on: UInt8(ascii: ";")) where !pair.isEmpty {
                guard let equals = bytes[pair].firstIndex(of: UInt8(ascii: "=")), equals != pair.lowerBound else {
                    throw fail(column(4), "attribute '\(string(pair))' must be key=value")
                }
                attributes[string(pair.lowerBound..<equals)] = string((equals + 1)..<pair.upperBound)
            }
        }
        // `match=variants`: the canonical name is a label only ("CI" is also "confidence interval").
        if attributes["match"] == "variants" {
            if !canonicalListed { variants.removeFirst() }
            guard !variants.isEmpty else { throw fail(column(2), "match=variants needs at least one variant") }
        }
        if kind == "brand" && attributes["ingredient"] == nil {
            throw fail(fields.count == 5 ? column(4) : line.count + 1, "brand '\(canonical)' needs an ingredient= attribute")
        }
        return Entry(kind: kind, canonical: canonical, variants: variants, codes: codes, attributes: attributes, origin: "\(path):\(number)")
    }
}
