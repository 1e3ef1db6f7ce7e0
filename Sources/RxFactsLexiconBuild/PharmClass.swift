import RxFacts
/// An FDA pharmacologic class (EPC, MoA, PE, or chemical structure "CS") with its NUI, or a
/// MeSH pharmacological action ("PA") with its MeSH descriptor ID.
package struct PharmClass: Sendable, Hashable {
    /// `EPC`, `MoA`, `PE`, `CS` or `PA`.
    package var type: String
    /// NUI for FDA classes, MeSH descriptor ID for `PA`.
    package var code: String
    /// The name as the source spells it, without the `[EPC]` suffix.
    package var name: String
}
