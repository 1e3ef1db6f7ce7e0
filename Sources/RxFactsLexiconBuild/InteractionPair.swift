import RxFacts
/// A known dangerous drug pair: one row of `interactions.tsv` (`rxfacts-interactions/1`).
public struct InteractionPair: Sendable, Hashable, Comparable {
    /// Canonical drug names (lexicon `drug` canonicals), `drugA < drugB`.
    public var drugA: String
    public var drugB: String
    /// `high` (ONC high-priority), `critical` / `significant` (VA NDF-RT), `low` (ONC non-interruptive).
    public var severity: String
    /// `onc-high-priority`, `ndfrt-va`, `onc-non-interruptive`.
    public var source: String
    public var drugbankA: String
    public var drugbankB: String

    public var line: String {
        [drugA, drugB, severity, source, "drugbank:\(drugbankA) drugbank:\(drugbankB)"].joined(separator: "\t")
    }

    public static func < (l: InteractionPair, r: InteractionPair) -> Bool {
        (l.drugA, l.drugB, l.source, l.severity) < (r.drugA, r.drugB, r.source, r.severity)
    }
}
