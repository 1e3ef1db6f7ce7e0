import RxFacts
/// One line of an `rxfacts-lexicon/1` file: a concept, its surface forms, codes and attributes.
///
/// See `Pipelines/LEXICON-FORMAT.md`. `line` renders the entry deterministically: the canonical
/// form first among the variants and the rest in byte order, codes in `LexiconCode.systemOrder`,
/// attributes by key with their list values in insertion order.
package struct LexiconEntry: Sendable, Hashable {
    package var kind: String
    package var canonical: String
    /// Surface forms other than the canonical one (the canonical is always matched).
    package var variants: [String]
    package var codes: [LexiconCode]
    /// Attribute key → values (rendered `key=v1|v2`).
    package var attributes: [String: [String]]

    package init(
        kind: String, canonical: String, variants: [String] = [], codes: [LexiconCode] = [],
        attributes: [String: [String]] = [:]
    ) {
        self.kind = kind
        self.canonical = canonical
        self.variants = variants
        self.codes = codes
        self.attributes = attributes
    }

    /// The first code of `system`, if any.
    package func code(_ system: String) -> String? {
        codes.first { $0.system == system }?.code
    }

    /// The TSV line (without newline).
    package var line: String {
        // `match=variants`: the canonical name is a label, not a surface form ("CI", "CV").
        let canonicalMatches = attributes["match"] != ["variants"]
        var forms = canonicalMatches ? [canonical] : []
        var seen: Set<String> = canonicalMatches ? [canonical] : []
        for variant in variants.sorted() where seen.insert(variant).inserted {
            forms.append(variant)
        }
        var uniqueCodes: [LexiconCode] = []
        for code in codes.sorted() where !uniqueCodes.contains(code) { uniqueCodes.append(code) }
        let codeText = uniqueCodes.isEmpty ? "-" : uniqueCodes.map(\.description).joined(separator: " ")
        var columns = [kind, canonical, forms.joined(separator: "|"), codeText]
        let attributeText = attributes.keys.sorted().compactMap { key -> String? in
            guard let values = attributes[key], !values.isEmpty else { return nil }
            return "\(key)=\(values.joined(separator: "|"))"
        }.joined(separator: ";")
        if !attributeText.isEmpty { columns.append(attributeText) }
        return columns.joined(separator: "\t")
    }
}
