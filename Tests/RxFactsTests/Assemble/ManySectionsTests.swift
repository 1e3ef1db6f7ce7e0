import Foundation
import Testing
@testable import RxFacts

/// Documents with very many sections (issue 13, defect 7: 200,000 ePI sections took 30 s when
/// each section's path was found by scanning every declared section). The inputs are generated
/// here, big enough that a quadratic pass would run for minutes; the tests check the results,
/// never the time.
@Suite struct ManySectionsTests {
    /// 100,000 declared parents, each holding one subsection, as `count` sections over a text
    /// of one short line per section; parents cycle through three names.
    static func nestedDocument(count: Int) throws -> AnalyzedDocument {
        let ingested = try TextIngester().ingest(SourceInput(path: "many.txt", bytes: Array("x\n".utf8)))
        var doc = AnalyzedDocument(ingested: ingested)
        var declared: [SectionSpan] = []
        var sections: [Section] = []
        declared.reserveCapacity(count)
        sections.reserveCapacity(count)
        for parent in 0..<(count / 2) {
            let start = parent * 20
            let name = parentNames[parent % parentNames.count]
            let child = "part \(parent)"
            declared.append(SectionSpan(name: name, level: 1, range: start..<start + 20))
            declared.append(SectionSpan(name: child, level: 2, range: start + 10..<start + 20))
            sections.append(
                Section(name: name, code: nil, heading: start..<start, body: start..<start + 10, sentences: 0..<0))
            sections.append(
                Section(
                    name: child, code: nil, heading: start + 10..<start + 10, body: start + 10..<start + 20,
                    sentences: 0..<0))
        }
        doc.declaredSections = declared
        doc.sections = sections
        return doc
    }

    static let parentNames = ["indications and usage", "boxed warning", "description"]

    @Test func twoHundredThousandNestedSectionsGetTheirPathsRulesAndQualifiers() throws {
        let count = 200_000
        let doc = try Self.nestedDocument(count: count)
        let paths = FactRuleMatcher.sectionPaths(doc)
        #expect(paths.count == count)
        for parent in [0, 1, 2, 49_999, 99_998, 99_999] {
            let name = Self.parentNames[parent % Self.parentNames.count]
            #expect(paths[2 * parent] == [name])
            #expect(paths[2 * parent + 1] == ["part \(parent)", name])
        }
        #expect(paths.allSatisfy { $0.count <= 2 })

        let knowledge = TestSupport.pipeline.knowledge
        let matcher = FactRuleMatcher(rules: knowledge.factRules, lexicon: knowledge.lexicon)
        let applies = matcher.applicability(paths)
        let indication = try #require(knowledge.factRules.rules.firstIndex { $0.id == "indication.section" })
        #expect(applies[indication].count == count)
        // The subsection of an "indications and usage" section is one too; other subsections are not.
        for parent in [0, 1, 2, 99_999] {
            let expected = parent % Self.parentNames.count == 0
            #expect(applies[indication][2 * parent + 1] == expected, "part \(parent)")
        }
        #expect(applies[indication].count(where: { $0 }) == count / 2 / 3 * 2 + 2)

        let qualifiers = matcher.sectionQualifiers(paths)
        let boxed = try #require(knowledge.factRules.sectionQualifiers.firstIndex { $0.value == "boxed-warning" })
        #expect(qualifiers.count == count)
        #expect(qualifiers[2 * 99_997 + 1].contains(boxed))  // 99,997 % 3 == 1: a boxed warning's subsection
        #expect(!qualifiers[2 * 99_999 + 1].contains(boxed))
        #expect(qualifiers.count(where: { $0.contains(boxed) }) == 2 * (count / 2 / 3))
    }

    /// The same shape through every stage: 20,000 declared sections (10,000 parents with one
    /// subsection each) on a text of 20,000 lines; the facts of the last subsection need its
    /// parent's name.
    @Test func twentyThousandDeclaredSectionsThroughThePipeline() throws {
        let parents = 10_000
        var text = "Diazepam is a benzodiazepine.\n"
        var spans: [(String, Range<Int>)] = [("diazepam", 0..<text.utf8.count)]
        for parent in 0..<parents {
            let last = parent == parents - 1
            let name = parent % 2 == 0 ? "adverse reactions" : "description"
            let own = "Section \(parent).\n"
            let inner = last ? "Tuberculosis was reported.\n" : "Nothing here.\n"
            let start = text.utf8.count
            text += own + inner
            let innerStart = start + own.utf8.count
            spans.append((name, start..<text.utf8.count))
            spans.append(("part \(parent)", innerStart..<text.utf8.count))
        }
        let record = try SectionRuleTests.record(text, sections: spans)
        // The last parent (9,999) is a "description": its subsection's tuberculosis is no
        // adverse effect. Move it under "adverse reactions" and it is one.
        #expect(record.drugs.map(\.name) == ["diazepam"])
        #expect(record.fact(.adverseEffect, "tuberculosis") == nil)
        spans[2 * (parents - 1) + 1].0 = "adverse reactions"
        let moved = try SectionRuleTests.record(text, sections: spans)
        let fact = try #require(moved.fact(.adverseEffect, "tuberculosis"))
        #expect(fact.evidence.first?.section == "part \(parents - 1)")
    }
}
