import RxFacts
/// A DrugBank open-vocabulary entry (CC0): ID, common name, UNII and synonyms.
package struct DrugBankDrug: Sendable, Hashable {
    package var id: String
    package var name: String
    package var unii: String
    package var synonyms: [String]
}
