import RxFacts
/// What a lexicon build did: lines written per file and every source row it skipped, with why.
package struct LexiconBuildReport: Sendable {
    /// One skipped source row or dropped term.
    package struct Skip: Sendable, Hashable {
        package var path: String
        package var line: Int?
        package var reason: String
    }

    package var skipped: [Skip] = []
    /// Output file name → number of entry lines.
    package var lineCounts: [String: Int] = [:]
    /// Reason category → count of dropped variants (too short, common word, ambiguous…).
    package var droppedVariants: [String: Int] = [:]

    package init() {}

    mutating func skip(_ path: String, _ line: Int?, _ reason: String) {
        skipped.append(Skip(path: path, line: line, reason: reason))
    }

    mutating func noteMalformed(_ table: DelimitedTable) {
        for row in table.malformed {
            skip(table.path, row.line, "expected \(table.header.count) fields, found \(row.fields.count)")
        }
    }

    mutating func dropVariant(_ reason: String) {
        droppedVariants[reason, default: 0] += 1
    }

    /// A human-readable summary (counts, then the first skipped rows).
    package func summary(maxSkips: Int = 20) -> String {
        var lines: [String] = []
        for name in lineCounts.keys.sorted() {
            lines.append("wrote \(name): \(lineCounts[name]!) entries")
        }
        for reason in droppedVariants.keys.sorted() {
            lines.append("dropped variants (\(reason)): \(droppedVariants[reason]!)")
        }
        lines.append("skipped source rows: \(skipped.count)")
        for skip in skipped.prefix(maxSkips) {
            lines.append("  \(skip.path)\(skip.line.map { ":\($0)" } ?? ""): \(skip.reason)")
        }
        if skipped.count > maxSkips { lines.append("  … \(skipped.count - maxSkips) more") }
        return lines.joined(separator: "\n")
    }
}
