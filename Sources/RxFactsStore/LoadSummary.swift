/// Totals over a `rxfacts load` run.
public struct LoadSummary: Sendable, Hashable, CustomStringConvertible {
    public var documents = 0
    public var inserted = 0
    public var replaced = 0
    public var unchanged = 0
    /// Documents loaded as history because a newer version was already there.
    public var history = 0
    public var superseded = 0
    /// Facts in the records read (whether written or unchanged).
    public var factsRead = 0
    /// Rows written.
    public var factsWritten = 0
    public var evidenceWritten = 0
    /// Records refused (an id already stored for another document, an empty id).
    public var refused = 0

    public init() {}

    public mutating func add(_ outcome: LoadOutcome, factsInRecord: Int) {
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

    public var description: String {
        "\(documents) documents (\(inserted) inserted, \(replaced) replaced, \(unchanged) unchanged; "
            + "\(superseded) older versions superseded, \(history) loaded as history), "
            + "\(factsRead) facts read, \(factsWritten) facts and \(evidenceWritten) evidence rows written"
            + (refused > 0 ? "; \(refused) refused" : "")
    }
}
