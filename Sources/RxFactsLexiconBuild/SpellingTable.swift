import RxFacts

/// Builds `spellings.tsv`: US ↔ UK spelling rules (kind `spelling`) from VarCon for the words the
/// other lexicons use, so matching folds "oestrogen"/"estrogen", "anaemia"/"anemia",
/// "tumour"/"tumor" without listing every variant in every file (see `Lexicon.append`).
///
/// A pair is left out when either spelling is a different American word ("tire"/"tyre"), the
/// UK form is a Latin plural ("areolae"), the word is shorter than 5 letters ("acer"/"acre"), or
/// VarCon rates it rarer than `maximumLevel`.
package enum SpellingTable {
    package static let relativePath = "spelling_varcon_us_uk/us_uk_spelling_pairs.tsv"
    package static let version = "VarCon 2020.12.07 (en-wl/wordlist b22230cc)"
    static let maximumLevel = 80

    package static func build(
        vocab: String, words: Set<String>, report: inout LexiconBuildReport
    ) throws(LexiconBuildError) -> [LexiconEntry] {
        let table = try DelimitedTable.read(path: vocab + "/" + relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let american = try table.column("american")
        let ise = try table.column("british_ise")
        let ize = try table.column("british_ize_oed")
        let level = try table.column("scowl_level")
        var americanWords: Set<String> = []
        for row in table.rows { americanWords.insert(row[american].lowercased()) }
        var byAmerican: [String: Set<String>] = [:]
        for row in table.rows {
            let us = row[american].lowercased()
            guard (Int(row[level]) ?? 100) <= maximumLevel, us.unicodeScalars.count >= 5,
                us.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
            else { continue }
            for other in [row[ise], row[ize]] {
                let uk = other.lowercased()
                guard !uk.isEmpty, uk != us, uk.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else {
                    continue
                }
                // "areole"/"areolae", "composite"/"compositae": a Latin plural, not a spelling.
                if uk == String(us.dropLast()) + "ae" {
                    report.skip(relativePath, row.line, "\"\(uk)\" is a Latin plural of \"\(us)\", not a spelling")
                    continue
                }
                if americanWords.contains(uk) {
                    report.skip(
                        relativePath, row.line, "\"\(uk)\" is also an American word: not a spelling of \"\(us)\"")
                    continue
                }
                guard words.contains(us) || words.contains(uk) else { continue }
                byAmerican[us, default: []].insert(uk)
            }
        }
        return byAmerican.keys.sorted().map { us in
            LexiconEntry(kind: "spelling", canonical: us, variants: byAmerican[us]!.sorted())
        }
    }

    /// The lower-case words (split on spaces, hyphens and slashes) of every form of `entries`.
    package static func words(of entries: [LexiconEntry]) -> Set<String> {
        var words: Set<String> = []
        for entry in entries {
            for form in [entry.canonical] + entry.variants {
                for word in form.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }) {
                    words.insert(String(word))
                }
            }
        }
        return words
    }
}
