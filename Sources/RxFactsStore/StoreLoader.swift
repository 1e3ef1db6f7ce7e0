import RxFacts

/// Loads JSON Lines files of records into a `RecordStore`, one transaction per document.
package struct StoreLoader {
    /// Called with each document's 0-based index inside its transaction, after its rows are
    /// written and before the commit; a throw rolls that document back and stops the load.
    /// Tests use it to simulate a crash in the middle of a load.
    package var faultInjection: ((_ documentIndex: Int) throws -> Void)?
    /// Called after each document with the totals so far.
    package var progress: ((LoadSummary) -> Void)?
    /// Called with each record refused (an id already stored for another document, an empty
    /// id); the load goes on and `LoadSummary.refused` counts them.
    package var refused: ((StoreError) -> Void)?

    package init() {}

    @discardableResult
    package func load(paths: [String], into store: RecordStore) throws -> LoadSummary {
        var summary = LoadSummary()
        for path in paths {
            try Self.forEachLine(inFile: path) { record, _, bytes in
                try load(record, fingerprint: RecordStore.fingerprint(bytes), into: store, summary: &summary)
            }
        }
        return summary
    }

    @discardableResult
    package func load(records: [Record], into store: RecordStore) throws -> LoadSummary {
        var summary = LoadSummary()
        for record in records { try load(record, fingerprint: nil, into: store, summary: &summary) }
        return summary
    }

    private func load(
        _ record: Record, fingerprint: String?, into store: RecordStore, summary: inout LoadSummary
    ) throws {
        let index = summary.documents
        let hook = faultInjection.map { inject in { try inject(index) } }
        let outcome: LoadOutcome
        do {
            outcome = try store.load(record, fingerprint: fingerprint, beforeCommit: hook)
        } catch let error as StoreError where error.refusesOnlyThisRecord {
            summary.refused += 1
            refused?(error)
            return
        }
        summary.add(outcome, factsInRecord: record.drugs.reduce(0) { $0 + $1.facts.count })
        progress?(summary)
    }
}
