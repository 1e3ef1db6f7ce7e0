import RxFacts
/// Decides which surface forms go into a compiled lexicon, and folds names for joining.
///
/// Vocabularies carry many forms that are useless or harmful in running text: very short
/// acronyms, ordinary English words ("today", "select"), inverted index forms ("epilepsy,
/// generalized"), "NOS" qualifiers and long chemical names. Each rejection has a reason the
/// build report counts.
package struct TermFilter: Sendable {
    package var minimumLength = 4
    package var maximumLength = 60
    /// Forms of more words are chemical or anatomical descriptions no leaflet writes ("aplasia
    /// of the proximal phalanx of the 2nd finger"); each costs start-up time.
    package var maximumWords = 5

    package init() {}

    /// Lower-case, hyphens and underscores to spaces, whitespace collapsed: the key used to join
    /// names across vocabularies and to detect the same form claimed by two concepts.
    package static func fold(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\t" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// `fold` plus the matcher's own plural folding of every word (`Folding.fold`), so a form
    /// that would match a common word in text ("aids" matches "aid") is caught.
    package static func matchKey(_ text: String) -> String {
        fold(text).split(separator: " ").map { Folding.fold(String($0)) }.joined(separator: " ")
    }

    /// `nil` when `variant` may be listed, else the reason it is dropped.
    package func rejection(_ variant: String) -> String? {
        let scalars = variant.unicodeScalars
        if scalars.contains(where: { $0 == "\t" || $0 == "|" || $0 == ";" || $0 == "\n" || $0 == "\r" }) {
            return "reserved character"
        }
        if scalars.count < minimumLength { return "shorter than \(minimumLength)" }
        if scalars.count > maximumLength { return "longer than \(maximumLength)" }
        if !scalars.contains(where: { $0.properties.isAlphabetic }) { return "no letters" }
        if TermFilter.fold(variant).split(separator: " ").count > maximumWords {
            return "more than \(maximumWords) words"
        }
        if variant.contains(",") { return "inverted form or chemical name (comma)" }
        if scalars.filter({ $0.properties.numericType != nil }).count >= 3 {
            return "chemical or product code (3+ digits)"
        }
        let folded = TermFilter.fold(variant)
        if folded.hasSuffix(" nos") || folded.contains(" nos ") { return "NOS qualifier" }
        if CommonWords.contains(folded) || CommonWords.contains(TermFilter.matchKey(folded)) {
            return "common English word"
        }
        if CuratedTerms.misleadingSynonyms.contains(folded) { return "misleading synonym (CuratedTerms)" }
        return nil
    }

    /// `nil` when `canonical` may head an entry, else the reason the entry is dropped.
    package func canonicalRejection(_ canonical: String) -> String? {
        let scalars = canonical.unicodeScalars
        if scalars.contains(where: { $0 == "\t" || $0 == "|" || $0 == ";" || $0 == "\n" || $0 == "\r" }) {
            return "reserved character"
        }
        if scalars.count < 3 { return "canonical shorter than 3" }
        if !scalars.contains(where: { $0.properties.isAlphabetic }) { return "no letters" }
        let folded = TermFilter.fold(canonical)
        if CommonWords.contains(folded) || CommonWords.contains(TermFilter.matchKey(folded)) {
            return "canonical is a common English word"
        }
        return nil
    }
}
