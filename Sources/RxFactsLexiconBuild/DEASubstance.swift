import RxFacts
/// A row of the DEA controlled-substances list (Orange Book `c_cs_alpha`, 2020-09-08).
package struct DEASubstance: Sendable, Hashable {
    package var name: String
    /// DEA Administration Controlled Substances Code Number, may be empty.
    package var acscn: String
    /// DEA notation: `CI` … `CV`.
    package var schedule: String
    package var narcotic: Bool
    /// Brand and street names from the `Names` column.
    package var otherNames: [String]
    package var line: Int
}
