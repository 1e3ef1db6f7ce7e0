import Foundation
import Testing

@testable import RxFacts

/// Section roles read from headings: the byte path the segmenter uses must read every heading as
/// the String reading of the same patterns does.
@Suite struct SectionRoleTests {
    static func roleSet(_ yaml: String) throws -> SectionRoleSet {
        let file = try YAMLFile.parse(yaml, path: "roles.yaml")
        return try SectionRoleSet(file.decode(SectionRolePack.self, shape: SectionRolePack.shape), file: file)
    }

    /// The roles of `heading` by the String matcher, pattern by pattern.
    static func stringRoles(_ roles: SectionRoleSet, _ heading: String) -> SectionRoleSet.RoleMask {
        roles.headingPatterns.reduce(0) { mask, pattern in
            SectionRoleSet.matches(heading, pattern.pattern) ? mask | pattern.mask : mask
        }
    }

    @Test func aPatternStartingWithAStarIsReadAtItsFirstWordsFirstOccurrence() throws {
        let roles = try Self.roleSet(
            """
            roles:
              - role: warning
                headings: ["*effects*serious"]
              - role: interaction
                headings: ["*other medicines", "taking * with*food"]
            """)
        let warning = try #require(roles.mask(["warning"]))
        let interaction = try #require(roles.mask(["interaction"]))
        let cases: [(String, SectionRoleSet.RoleMask)] = [
            ("possible side effects that are serious", warning),
            ("serious side effects", 0),
            ("effects of x and effects that are serious", warning),
            ("effects", 0),
            ("taking keppra with food and other medicines", interaction),
            ("other medicines", interaction),
            ("taking it", 0),
        ]
        for (heading, expected) in cases {
            #expect(roles.roles(heading: Array(heading.utf8)) == expected, "\(heading)")
            #expect(Self.stringRoles(roles, heading) == expected, "\(heading)")
        }
    }

    @Test func leadInsGiveAndTakeRolesWhereverThePhraseStands() throws {
        let roles = try Self.roleSet(
            """
            roles:
              - role: contraindication
                lead_ins: ["do not take", "must not"]
                not_in_lead_ins: ["tell your doctor"]
              - role: interaction
                lead_ins: ["other medicines", "tell your doctor"]
            """)
        let contraindication = try #require(roles.mask(["contraindication"]))
        let interaction = try #require(roles.mask(["interaction"]))
        let cases: [(String, add: SectionRoleSet.RoleMask, remove: SectionRoleSet.RoleMask)] = [
            ("Do not take Keppra if you:", contraindication, 0),
            ("You MUST NOT use it with:", contraindication, 0),
            ("Tell your doctor if you take other medicines, do not take:", interaction, contraindication),
            ("Other medicines", interaction, 0),
            ("do not", 0, 0),
            ("Before you take it:", 0, 0),
        ]
        for (sentence, add, remove) in cases {
            let bytes = Array(("x " + sentence + " y").utf8)
            let found = roles.leadInRoles(bytes, 2..<(bytes.count - 2))
            #expect(found.add == add && found.remove == remove, "\(sentence)")
        }
        // A phrase cut by the range's end is not in it.
        let bytes = Array("Do not take".utf8)
        #expect(roles.leadInRoles(bytes, 0..<(bytes.count - 1)).add == 0)
    }

    /// Headings to read: the seed leaflet's lines and every section name the Corpus records cite.
    static func corpusHeadings() throws -> Set<String> {
        var headings: Set<String> = []
        let text = try String(contentsOfFile: TestSupport.seedPath, encoding: .utf8)
        for line in text.split(separator: "\n") {
            headings.insert(Segmenter.sectionName(Array(line.utf8), 0..<line.utf8.count))
        }
        for folder in ["Corpus/reference", "Corpus/ema"] {
            for record in try RecordReader.records(TestSupport.path(folder)) {
                for drug in record.drugs {
                    for fact in drug.facts { for evidence in fact.evidence { headings.insert(evidence.section) } }
                }
            }
        }
        return headings
    }

    @Test func theDefaultRolesReadEveryCorpusHeadingAsTheStringMatcherDoes() throws {
        let roles = TestSupport.pipeline.knowledge.sectionRoles
        #expect(roles.headingPatterns.contains { $0.pattern.first == "" }, "the default roles have *-patterns")
        let headings = try Self.corpusHeadings().filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        #expect(headings.count > 100)
        var withRoles = 0
        for heading in headings {
            let mask = roles.roles(heading: Array(heading.utf8))
            #expect(mask == Self.stringRoles(roles, heading), "\(heading)")
            if mask != 0 { withRoles += 1 }
        }
        #expect(withRoles > 20)
    }
}
