import RxFacts
/// A DrugBank open-vocabulary entry (CC0): ID, common name, UNII and synonyms.
public struct DrugBankDrug: Sendable, Hashable {
    public var id: String
    public var name: String
    public var unii: String
    public var synonyms: [String]
}
