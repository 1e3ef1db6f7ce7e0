import RxFacts
/// A known dangerous drug pair: one row of `interactions.tsv` (`rxfacts-interactions/1`).
package struct InteractionPair: Sendable, Hashable, Comparable {
    /// Canonical drug names (lexicon `drug` canonicals), `drugA < drugB`.
    package var drugA: String
    package var drugB: String
    /// `high` (ONC high-priority), `critical` / `significant` (VA NDF-RT), `low` (ONC non-interruptive).
    package var severity: String
    /// `onc-high-priority`, `ndfrt-va`, `onc-non-interruptive`.
    package var source: String
    package var drugbankA: String
    package var drugbankB: String

    package var line: String {
        [drugA, drugB, severity, source, "drugbank:\(drugbankA) drugbank:\(drugbankB)"].joined(separator: "\t")
    }

    package static func < (l: InteractionPair, r: InteractionPair) -> Bool {
        (l.drugA, l.drugB, l.source, l.severity) < (r.drugA, r.drugB, r.source, r.severity)
    }
}
