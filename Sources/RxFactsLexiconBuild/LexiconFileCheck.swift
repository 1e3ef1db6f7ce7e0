import Foundation
import RxFacts

/// What `rxfacts lexicon check` makes of one file: a valid lexicon, another rxfacts table (named
/// as such), or an error naming file, line and column — and saying so when the file does not look
/// like a lexicon at all, rather than reporting its first line as a bad lexicon line.
package enum LexiconFileCheck {
    package enum Outcome: Sendable, Hashable {
        /// A lexicon file with this many entries.
        case lexicon(entries: Int)
        /// `rxfacts-interactions/1` (written by `lexicon build`, loaded by no pipeline), checked as such.
        case interactionTable(pairs: Int)
    }

    static let lexiconHeader = "# rxfacts-lexicon/1"
    static let interactionHeader = "# rxfacts-interactions/1"

    package static func check(path: String) throws(LexiconBuildError) -> Outcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconBuildError(path: path, reason: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            // The runtime's own parser names the first bad byte (file:line:column), so check and
            // a pipeline load report invalid UTF-8 the same way.
            do {
                _ = try Lexicon.parse([UInt8](data), path: path)
            } catch {
                throw LexiconBuildError(path: path, line: error.line, column: error.column, reason: error.reason)
            }
            throw LexiconBuildError(
                path: path,
                reason:
                    "not a lexicon file: not UTF-8 text (lexicons are tab-separated UTF-8, see Pipelines/LEXICON-FORMAT.md)"
            )
        }
        let firstLine = text.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespacesAndNewlines)
        if firstLine == interactionHeader { return .interactionTable(pairs: try interactionPairs(text, path: path)) }
        if firstLine.hasPrefix("# rxfacts-"), firstLine != lexiconHeader {
            throw LexiconBuildError(
                path: path, line: 1, column: 1,
                reason: "not a lexicon file: its header is '\(firstLine)', a lexicon's is '\(lexiconHeader)'")
        }
        do {
            return .lexicon(entries: try LexiconFileParser().parse(text: text, path: path).count)
        } catch {
            guard firstLine != lexiconHeader, !text.contains("\t") || (error.line ?? 0) <= firstDataLine(text) else {
                throw error
            }
            throw LexiconBuildError(
                path: path, line: error.line, column: error.column,
                reason:
                    "not a lexicon file (no '\(lexiconHeader)' header, and its first line is not 'kind<TAB>canonical<TAB>variants<TAB>codes<TAB>attributes'; see Pipelines/LEXICON-FORMAT.md): \(error.reason)"
            )
        }
    }

    /// 1-based number of the first line that is neither blank nor a comment.
    static func firstDataLine(_ text: String) -> Int {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { return number }
        }
        return number
    }

    /// Rows of an interaction table: `drug_a, drug_b, severity, source, codes`, names non-empty.
    static func interactionPairs(_ text: String, path: String) throws(LexiconBuildError) -> Int {
        var count = 0
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 5 else {
                throw LexiconBuildError(
                    path: path, line: number, column: 1,
                    reason:
                        "interaction table row has \(fields.count) fields, expected 5 (drug_a, drug_b, severity, source, codes)"
                )
            }
            guard !fields[0].isEmpty, !fields[1].isEmpty else {
                throw LexiconBuildError(
                    path: path, line: number, column: 1, reason: "interaction table row without two drug names")
            }
            count += 1
        }
        return count
    }
}
