import RxFacts
/// A `system:code` pair in a lexicon line, e.g. `rxcui:3322` or `doid:DOID:0050847`.
package struct LexiconCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Code systems in the order a lexicon line lists them.
    package static let systemOrder = ["rxcui", "unii", "drugbank", "nui", "doid", "icd10cm", "umls", "mesh", "dea"]

    package var system: String
    package var code: String

    package init(_ system: String, _ code: String) {
        self.system = system
        self.code = code
    }

    package var description: String { "\(system):\(code)" }

    package static func < (lhs: LexiconCode, rhs: LexiconCode) -> Bool {
        let l = systemOrder.firstIndex(of: lhs.system) ?? systemOrder.count
        let r = systemOrder.firstIndex(of: rhs.system) ?? systemOrder.count
        if l != r { return l < r }
        if lhs.system != rhs.system { return lhs.system < rhs.system }
        // Numeric codes in numeric order: the first RxCUI of a drug is its original concept.
        if let l = Int(lhs.code), let r = Int(rhs.code), l != r { return l < r }
        return lhs.code < rhs.code
    }
}
