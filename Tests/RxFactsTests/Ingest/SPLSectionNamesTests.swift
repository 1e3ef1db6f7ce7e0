import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

@Suite struct SPLSectionNamesTests {
    /// The generated Swift table matches the shipped CSV row for row.
    @Test func generatedTableMatchesShippedCSV() throws {
        let csv = try String(
            contentsOf: XMLTestSupport.pipelines.appendingPathComponent("sections/spl_sections.csv"), encoding: .utf8)
        var rows: [String: String] = [:]
        for line in csv.split(separator: "\n") where !line.isEmpty {
            let comma = try #require(line.firstIndex(of: ","))
            rows[String(line[..<comma])] = String(line[line.index(after: comma)...])
        }
        #expect(rows.count == 87)
        #expect(Dictionary(uniqueKeysWithValues: SPLSectionCodes.titles.map { ($0.code, $0.title) }) == rows)
    }

    /// The byte path for ASCII headings names a heading exactly as the Character path does:
    /// numbering, every kind of ASCII whitespace (CR LF is one Character), capitals.
    @Test func asciiHeadingsNamedAsByCharacter() throws {
        var generator = SplitMix64(seed: 24)
        let pieces = [
            " ", "  ", "\t", "\r\n", "\n", "\r", "\u{0B}", "\u{0C}", "1", "5", ".", "1.2", "A", "b", "Z", "-", "&", "(",
        ]
        for _ in 0..<20_000 {
            var heading = ""
            for _ in 0..<Int.random(in: 0..<9, using: &generator) {
                heading += pieces.randomElement(using: &generator)!
            }
            let bytes = try #require(SPLSectionNames.fromASCIIHeading(heading))
            #expect(bytes == SPLSectionNames.fromHeadingByCharacter(heading), "\(Array(heading.utf8))")
        }
        #expect(SPLSectionNames.fromASCIIHeading("5.1\tCardiovascular Risks ") == "cardiovascular risks")
        #expect(SPLSectionNames.fromASCIIHeading("Précautions") == nil)
        #expect(SPLSectionNames.fromHeading("Précautions  d’emploi") == "précautions d’emploi")
    }

    @Test(arguments: [
        ("34067-9", "1 INDICATIONS AND USAGE", "indications and usage"),
        ("34074-5", "", "drug or laboratory test interactions"),
        ("34083-6", "13.1 Carcinogenesis", "carcinogenesis and mutagenesis and impairment of fertility"),
        ("42229-5", "5.1\tCardiovascular", "cardiovascular"),
        ("77290-5", "8.2 Lactation", "lactation"),
    ])
    func names(_ code: String, _ heading: String, _ expected: String) {
        #expect(SPLSectionNames.name(code: code, heading: heading, displayName: nil, parent: nil) == expected)
    }

    @Test func untitledFallbacks() {
        #expect(
            SPLSectionNames.name(
                code: "42229-5", heading: "", displayName: "SPL UNCLASSIFIED SECTION", parent: "warnings") == "warnings"
        )
        #expect(
            SPLSectionNames.name(code: "42229-5", heading: " ", displayName: nil, parent: nil) == "spl unclassified")
        #expect(
            SPLSectionNames.name(code: "99999-9", heading: "", displayName: "LACTATION SECTION", parent: nil)
                == "lactation")
    }
}
