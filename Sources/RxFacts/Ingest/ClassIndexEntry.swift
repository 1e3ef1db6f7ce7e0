/// One pharmacologic class an FDA class-indexing SPL (document type 60685-5) assigns to a
/// substance, e.g. methoxsalen → "Psoralen" [EPC] N0000175879.
///
/// Class-indexing documents are not leaflets: they carry no prose, only these entries, which the
/// SPL ingester hands on as declared `class` / `mechanism` facts (`source: "spl-metadata"`).
struct ClassIndexEntry: Sendable, Hashable {
    /// Substance name as written (`METHOXSALEN`).
    var substance: String
    /// FDA UNII of the substance.
    var unii: String?
    /// Class name without its bracketed type (`Photoactivated Radical Generator`).
    var className: String
    /// `EPC`, `MoA`, `PE`, `Chemical/Ingredient`: the bracketed suffix of the display name.
    var classType: String
    /// NDF-RT/MED-RT NUI of the class (`N0000175984`).
    var nui: String
    /// The `displayName` attribute it was read from, with XML path and byte range.
    var provenance: MetadataValue

    init(
        substance: String, unii: String?, className: String, classType: String, nui: String,
        provenance: MetadataValue
    ) {
        self.substance = substance
        self.unii = unii
        self.className = className
        self.classType = classType
        self.nui = nui
        self.provenance = provenance
    }
}
