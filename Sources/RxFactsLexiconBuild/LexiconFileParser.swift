import Foundation
import RxFacts

/// Reads `rxfacts-lexicon/1` files as build-side `LexiconEntry` values.
///
/// There is one grammar: this type only adapts the runtime parser (`Lexicon.parse`, used when a
/// pipeline loads) to the builder's entry type, so `rxfacts lexicon check`, the build's check of
/// its own output and the pipeline accept and reject exactly the same lines, with the same
/// `file:line:column` errors (see `Pipelines/LEXICON-FORMAT.md`).
package struct LexiconFileParser: Sendable {
    package init() {}

    /// Parses a whole file's text; `path` is used in errors.
    package func parse(text: String, path: String) throws(LexiconBuildError) -> [LexiconEntry] {
        try parse(bytes: Array(text.utf8), path: path)
    }

    /// Parses the file at `path`.
    package func parse(path: String) throws(LexiconBuildError) -> [LexiconEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconBuildError(path: path, reason: "cannot read lexicon file")
        }
        return try parse(bytes: [UInt8](data), path: path)
    }

    /// Parses one non-comment line.
    package func parseLine(_ text: String, path: String, line: Int) throws(LexiconBuildError) -> LexiconEntry {
        do {
            return Self.entry(try Lexicon.parseLine(text, path: path, line: line))
        } catch {
            throw Self.fileError(error)
        }
    }

    func parse(bytes: [UInt8], path: String) throws(LexiconBuildError) -> [LexiconEntry] {
        do {
            return try Lexicon.parse(bytes, path: path).entries.map(Self.entry)
        } catch {
            throw Self.fileError(error)
        }
    }

    static func fileError(_ error: InputError) -> LexiconBuildError {
        LexiconBuildError(path: error.path, line: error.line, column: error.column, reason: error.reason)
    }

    /// The runtime entry as a build entry: the canonical form is implied (not a listed variant)
    /// unless `match=variants` makes the canonical a label; attribute values split on `|`.
    static func entry(_ entry: Lexicon.Entry) -> LexiconEntry {
        let labelOnly = entry.attributes["match"] == "variants"
        let variants = labelOnly ? entry.variants : Array(entry.variants.dropFirst())
        var codes: [LexiconCode] = []
        for code in entry.codes {
            guard let colon = code.firstIndex(of: ":") else { continue }
            codes.append(LexiconCode(String(code[..<colon]), String(code[code.index(after: colon)...])))
        }
        var attributes: [String: [String]] = [:]
        for (key, value) in entry.attributes { attributes[key] = value.split(separator: "|").map(String.init) }
        return LexiconEntry(
            kind: entry.kind, canonical: entry.canonical, variants: variants, codes: codes, attributes: attributes)
    }
}
