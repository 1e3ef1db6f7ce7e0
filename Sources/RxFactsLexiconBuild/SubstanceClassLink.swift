import RxFacts
/// "Substance X has pharmacologic class Y" from FDA class indexing or DrugCentral.
public struct SubstanceClassLink: Sendable, Hashable {
    /// Substance name as the source spells it (case is folded when joining).
    public var substance: String
    /// `EPC`, `MoA`, `PE`, `CS`.
    public var type: String
    /// Class name without the bracketed suffix.
    public var className: String
}
