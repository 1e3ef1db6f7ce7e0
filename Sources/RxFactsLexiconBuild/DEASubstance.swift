import RxFacts
/// A row of the DEA controlled-substances list (Orange Book `c_cs_alpha`, 2020-09-08).
public struct DEASubstance: Sendable, Hashable {
    public var name: String
    /// DEA Administration Controlled Substances Code Number, may be empty.
    public var acscn: String
    /// DEA notation: `CI` … `CV`.
    public var schedule: String
    public var narcotic: Bool
    /// Brand and street names from the `Names` column.
    public var otherNames: [String]
    public var line: Int
}
