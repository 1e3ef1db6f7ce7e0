/// Totals over a `rxfacts load` run.
package struct LoadSummary: Sendable, Hashable, CustomStringConvertible {
    package var documents = 0
    package var inserted = 0
    package var replaced = 0
    package var unchanged = 0
    /// Documents loaded as history because a newer version was already there.
    package var history = 0
    package var superseded = 0
    /// Facts in the records read (whether written or unchanged).
    package var factsRead = 0
    /// Rows written.
    package var factsWritten = 0
    package var evidenceWritten = 0
    /// Records refused (an id already stored for another document, an empty id).
    package var refused = 0

    package init() {}

    package mutating func add(_ outcome: LoadOutcome, factsInRecord: Int) {
        documents += 1
        switch outcome.action {
        case .inserted: inserted += 1
        case .replaced: replaced += 1
        case .unchanged: unchanged += 1
        }
        if !outcome.isCurrent { history += 1 }
        superseded += outcome.superseded
        factsRead += factsInRecord
        factsWritten += outcome.facts
        evidenceWritten += outcome.evidence
    }

    package var description: String {
        "\(documents) documents (\(inserted) inserted, \(replaced) replaced, \(unchanged) unchanged; "
            + "\(superseded) older versions superseded, \(history) loaded as history), "
            + "\(factsRead) facts read, \(factsWritten) facts and \(evidenceWritten) evidence rows written"
            + (refused > 0 ? "; \(refused) refused" : "")
    }
}
