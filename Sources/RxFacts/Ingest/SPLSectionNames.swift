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
        fromASCIIHeading(heading) ?? fromHeadingByCharacter(heading)
    }

    /// `fromHeading` on the bytes of an all-ASCII heading (nearly every one): the same name,
    /// without a Unicode property lookup per Character. Nil for any other heading.
    static func fromASCIIHeading(_ heading: String) -> String? {
        let bytes = Array(heading.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        // ASCII whitespace as `Character.isWhitespace` has it ("\r\n" is one Character of two such bytes).
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b &- 0x09 < 5 }
        var i = 0
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        var j = i
        var digits = false
        while j < bytes.count, Tokenizer.isDigit(bytes[j]) || bytes[j] == UInt8(ascii: ".") {
            digits = digits || bytes[j] != UInt8(ascii: ".")
            j += 1
        }
        if digits, j < bytes.count, isSpace(bytes[j]) { i = j }
        var name: [UInt8] = []
        name.reserveCapacity(bytes.count - i)
        while i < bytes.count {
            if isSpace(bytes[i]) {
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                if !name.isEmpty, i < bytes.count { name.append(0x20) }
                continue
            }
            name.append(Folding.lower(bytes[i]))
            i += 1
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// `fromHeading` by Character: any heading.
    static func fromHeadingByCharacter(_ heading: String) -> String {
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
