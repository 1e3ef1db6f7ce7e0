/// Canonical SPL section names: LOINC code → lower-case name from `SPLSectionCodes`, with
/// fallbacks for unclassified (`42229-5`) and unknown codes.
package enum SPLSectionNames {
    /// The unclassified-section code, whose meaning is only in its title.
    package static let unclassified = "42229-5"

    /// LOINC code → canonical name, e.g. `34067-9` → `indications and usage`.
    package static let byCode: [String: String] = {
        var table: [String: String] = [:]
        for (code, title) in SPLSectionCodes.titles { table[code] = canonical(title) }
        return table
    }()

    /// `Indications & Usage` → `indications and usage`; `Drug & or Laboratory Test Interactions`
    /// → `drug or laboratory test interactions`.
    package static func canonical(_ title: String) -> String {
        title.lowercased()
            .replacing(" & or ", with: " or ")
            .replacing(" & ", with: " and ")
    }

    /// A heading as a section name: whitespace collapsed, leading numbering (`5.1`, `2.1\t`)
    /// dropped, lower-cased. Empty when nothing is left.
    package static func fromHeading(_ heading: String) -> String {
        var scalars = Substring(heading)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        let numbering = scalars.prefix { $0.isNumber || $0 == "." }
        if !numbering.isEmpty, numbering.contains(where: { $0.isNumber }) {
            let rest = scalars.dropFirst(numbering.count)
            if rest.first?.isWhitespace ?? false { scalars = rest }
        }
        return scalars.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    /// The name of a section: the code's canonical name; for `42229-5` or unknown codes the
    /// heading, else the code's display name (minus a trailing "section"), else the parent's name.
    package static func name(code: String?, heading: String, displayName: String?, parent: String?) -> String {
        if let code, code != unclassified, let canonical = byCode[code] { return canonical }
        let fromTitle = fromHeading(heading)
        if !fromTitle.isEmpty { return fromTitle }
        if code != unclassified, var display = displayName.map({ fromHeading($0) }), !display.isEmpty {
            if display.hasSuffix(" section") { display.removeLast(8) }
            return display
        }
        return parent ?? "spl unclassified"
    }
}
