import RxFacts
/// The FDA class-type spellings used by the sources, mapped to short names.
package enum PharmClassTypes {
    /// `EPC`, `MoA`, `PE`, `CS` for the spellings in DrugCentral and FDA SPL indexing.
    package static func shortName(_ sourceSpelling: String) -> String? {
        switch sourceSpelling {
        case "EPC": "EPC"
        case "MoA": "MoA"
        case "PE": "PE"
        case "Chemical/Ingredient", "CS": "CS"
        default: nil
        }
    }

    /// Splits "Benzodiazepine [EPC]" into ("Benzodiazepine", "EPC").
    package static func splitSuffixed(_ text: String) -> (name: String, type: String)? {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return nil }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard !name.isEmpty, let type = shortName(inner) else { return nil }
        return (name, type)
    }
}
