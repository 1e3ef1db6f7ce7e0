import Foundation

/// The title an SPL record carries: the label's `<title>` when it names the product, else the
/// product name(s) the label declares.
///
/// Most Rx labels in PLR format title themselves with the Highlights disclaimer ("These
/// highlights do not include all the information needed to use HUMIRA safely…") and OTC labels
/// with "Drug Facts": neither tells a reader which product the record is about.
enum SPLTitle {
    /// Titles that describe the label's format rather than its product.
    static func isBoilerplate(_ title: String) -> Bool {
        let folded = title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if folded.isEmpty { return true }
        if folded.hasPrefix("these highlights do not include")
            || folded.hasPrefix("highlights of prescribing information")
        {
            return true
        }
        return [
            "drug facts", "prescribing information", "full prescribing information", "package insert", "label", "spl",
        ].contains(folded)
    }

    /// `title` when it names the product; otherwise the distinct product names in label order
    /// (one product: with its dosage form, e.g. `Haloperidol tablet`); `title` again when the
    /// label declares no product name; nil when there is nothing at all.
    static func title(_ title: String, products: [Product], firstForm: String?) -> String? {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard isBoilerplate(trimmed) else { return trimmed }
        var names: [String] = []
        var seen: Set<String> = []
        for product in products {
            guard let name = product.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
                continue
            }
            if seen.insert(name.lowercased()).inserted { names.append(name) }
        }
        switch names.count {
        case 0: return trimmed.isEmpty ? nil : trimmed
        case 1: return [names[0], firstForm].compactMap { $0 }.joined(separator: " ")
        default: return names.joined(separator: ", ")
        }
    }
}
