import RxFacts
/// "Substance X has pharmacologic class Y" from FDA class indexing or DrugCentral.
package struct SubstanceClassLink: Sendable, Hashable {
    /// Substance name as the source spells it (case is folded when joining).
    package var substance: String
    /// `EPC`, `MoA`, `PE`, `CS`.
    package var type: String
    /// Class name without the bracketed suffix.
    package var className: String
}
