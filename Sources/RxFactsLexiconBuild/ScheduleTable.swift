import RxFacts
/// The `schedule` entries: surface forms of US DEA schedules → `CI` … `CV`.
///
/// Bare two-letter forms that are common abbreviations in other senses ("CI" confidence
/// interval, "CV" cardiovascular) and bare "C1"…"C5" are left out; hyphenated and spelled-out
/// forms are listed, and `match=variants` keeps the canonical label itself from matching.
package enum ScheduleTable {
    /// SPL DEA schedule codes (NCI thesaurus) per schedule.
    static let splCodes = ["CI": "C48672", "CII": "C48675", "CIII": "C48676", "CIV": "C48677", "CV": "C48679"]

    package static func entries() -> [LexiconEntry] {
        let numerals: [(roman: String, arabic: String, word: String)] = [
            ("i", "1", "one"), ("ii", "2", "two"), ("iii", "3", "three"), ("iv", "4", "four"), ("v", "5", "five"),
        ]
        return numerals.map { numeral in
            let canonical = "C" + numeral.roman.uppercased()
            var variants: [String] = []
            for n in [numeral.roman, numeral.arabic] {
                variants += ["schedule \(n)", "schedule \(n) controlled substance", "dea schedule \(n)", "c-\(n)"]
            }
            variants.append("schedule \(numeral.word)")
            if numeral.roman != "i", numeral.roman != "v" { variants.append("c" + numeral.roman) }
            return LexiconEntry(
                kind: "schedule", canonical: canonical, variants: variants, codes: [],
                attributes: ["authority": ["US-DEA"], "match": ["variants"], "spl-code": [splCodes[canonical]!]])
        }
    }
}
