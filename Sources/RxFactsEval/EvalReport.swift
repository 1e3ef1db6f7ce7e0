import RxFacts
import RxFactsDiff
/// One line of the evaluation table: a gold set, a fact type, a matching rule and the score.
package struct EvalRow: Sendable, Hashable, Codable {
    package var goldSet: String
    package var type: String
    package var matching: String
    package var documents: Int
    package var score: Score
    /// Published figure to compare with, if any.
    package var anchor: String?
}

/// The result of `rxfacts eval`.
package struct EvalReport: Sendable, Hashable, Codable {
    package var rows: [EvalRow]
    /// `extraction failed: document: error` for each document the extractor failed on (scored as
    /// finding nothing), and `gold note: …` for gold-file problems conversion worked around.
    package var failures: [String]

    /// The table of the evaluation report, for docs and terminals.
    package func text() -> String {
        let header = [
            "gold set", "fact type", "matching", "docs", "tp", "fp", "fn", "P", "R", "F1", "published anchor",
        ]
        var table = [header]
        for row in rows {
            table.append([
                row.goldSet, row.type, row.matching, String(row.documents),
                String(row.score.truePositives), String(row.score.falsePositives), String(row.score.falseNegatives),
                DiffTextFormatter.decimal(row.score.precision), DiffTextFormatter.decimal(row.score.recall),
                DiffTextFormatter.decimal(row.score.f1), row.anchor ?? "",
            ])
        }
        var lines = table.map { "| " + $0.joined(separator: " | ") + " |" }
        lines.insert("|" + header.map { _ in "---|" }.joined(), at: 1)
        for failure in failures { lines.append(failure) }
        return lines.joined(separator: "\n") + "\n"
    }
}
