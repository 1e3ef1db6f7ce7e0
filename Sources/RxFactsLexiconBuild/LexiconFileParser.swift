import Foundation
import RxFacts

/// Parses `rxfacts-lexicon/1` files and enforces the rules of `Pipelines/LEXICON-FORMAT.md`.
///
/// Every rule violation is an error naming the file, line and column (a byte column, 1-based).
public struct LexiconFileParser: Sendable {
    public init() {}

    /// Parses a whole file's text; `path` is used in errors.
    public func parse(text: String, path: String) throws(LexiconBuildError) -> [LexiconEntry] {
        var entries: [LexiconEntry] = []
        var lineNumber = 0
        // Split on scalars, not Characters: "\r\n" is one Character.
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var rawLine = Substring(scalars)
            if rawLine.unicodeScalars.last == "\r" { rawLine = Substring(rawLine.unicodeScalars.dropLast()) }
            if rawLine.isEmpty || rawLine.hasPrefix("#") { continue }
            if rawLine.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            entries.append(try parseLine(String(rawLine), path: path, line: lineNumber))
        }
        return entries
    }

    /// Parses the file at `path`.
    public func parse(path: String) throws(LexiconBuildError) -> [LexiconEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconBuildError(path: path, reason: "cannot read lexicon file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconBuildError(path: path, reason: "lexicon file is not valid UTF-8")
        }
        return try parse(text: text, path: path)
    }

    /// Parses one non-comment line.
    public func parseLine(_ text: String, path: String, line: Int) throws(LexiconBuildError) -> LexiconEntry {
        let columns = text.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        var starts: [Int] = []
        var offset = 1
        for column in columns {
            starts.append(offset)
            offset += column.utf8.count + 1
        }
        func fail(_ column: Int, _ reason: String) -> LexiconBuildError {
            LexiconBuildError(path: path, line: line, column: starts[min(column, starts.count - 1)], reason: reason)
        }
        guard columns.count >= 4 else {
            throw fail(0, "expected at least 4 tab-separated columns (kind, canonical, variants, codes), found \(columns.count)")
        }
        guard columns.count <= 5 else {
            throw fail(5, "expected at most 5 tab-separated columns, found \(columns.count)")
        }
        let kind = columns[0]
        guard !kind.isEmpty, kind.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }) else {
            throw fail(0, "kind \"\(kind)\" must be lower-case letters and hyphens")
        }
        let canonical = columns[1]
        guard !canonical.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(1, "empty canonical name")
        }
        let variants = columns[2].isEmpty ? [] : columns[2].unicodeScalars.split(separator: "|", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        if variants.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw fail(2, "empty variant in \"\(columns[2])\"")
        }
        var codes: [LexiconCode] = []
        if columns[3] != "-" {
            guard !columns[3].isEmpty else { throw fail(3, "empty codes column, write - for none") }
            for pair in columns[3].split(separator: " ", omittingEmptySubsequences: false) {
                guard let colon = pair.firstIndex(of: ":") else {
                    throw fail(3, "code \"\(pair)\" is not system:code")
                }
                let system = pair[..<colon]
                let code = pair[pair.index(after: colon)...]
                guard !system.isEmpty, !code.isEmpty,
                      system.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
                else {
                    throw fail(3, "code \"\(pair)\" is not system:code (system lower-case letters, digits, hyphens)")
                }
                codes.append(LexiconCode(String(system), String(code)))
            }
        }
        var attributes: [String: [String]] = [:]
        if columns.count == 5, !columns[4].isEmpty {
            for pair in columns[4].split(separator: ";", omittingEmptySubsequences: false) {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex,
                      pair.index(after: equals) != pair.endIndex
                else {
                    throw fail(4, "attribute \"\(pair)\" is not key=value")
                }
                let key = String(pair[..<equals])
                guard attributes[key] == nil else { throw fail(4, "attribute \"\(key)\" given twice") }
                attributes[key] = pair[pair.index(after: equals)...].split(separator: "|").map(String.init)
            }
        }
        if kind == "brand", attributes["ingredient"] == nil {
            throw fail(4, "brand line needs an ingredient= attribute")
        }
        return LexiconEntry(
            kind: kind, canonical: canonical, variants: variants.filter { $0 != canonical },
            codes: codes, attributes: attributes)
    }
}
