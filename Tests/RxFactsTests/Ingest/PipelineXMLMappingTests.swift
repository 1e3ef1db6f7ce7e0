import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild

/// `xml.sections` in a pipeline definition cuts leaflets of an XML format rxfacts does not
/// know into sections, without recompiling.
@Suite struct PipelineXMLMappingTests {
    func pipeline(xml: String) throws -> (Pipeline, String) {
        let dir = NSTemporaryDirectory() + "rxfacts-xmlmap-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let root = TestSupport.path("Pipelines")
        let yaml = """
            name: custom-xml
            stages:
              - ingest
              - normalize
              - segment: {roles: \(root)/rules/sections.yaml}
              - tokenize
              - tag: {lexicons: [\(root)/lexicons/core.tsv]}
              - context: {rules: \(root)/rules/context.yaml}
              - subject: {rules: \(root)/rules/subject.yaml}
              - assemble: {rules: \(root)/rules/facts.yaml}
              - emit
            \(xml)
            """
        let path = dir + "/pipeline.yaml"
        FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        return (try Pipeline.load(contentsOf: path), path)
    }

    @Test func mappedChaptersBecomeSections() throws {
        let (pipeline, _) = try pipeline(
            xml: """
                xml:
                  sections:
                    - {path: //chapter, title: heading, text: body}
                """)
        let leaflet =
            "<leaflet><chapter><heading>What it is used for</heading><body><p>Diazepam is used for anxiety.</p></body></chapter>"
            + "<chapter><heading>Side effects</heading><body><p>Common side effects include drowsiness.</p></body></chapter></leaflet>"
        let bytes = Array(leaflet.utf8)
        let record = try pipeline.extract(SourceInput(path: "leaflet.xml", bytes: bytes))
        #expect(record.document.format == "xml")
        #expect(record.document.sections == ["what it is used for", "side effects"])
        let indication = try #require(record.fact(.indication, "anxiety"))
        #expect(indication.evidence.first?.section == "what it is used for")
        let evidence = try #require(indication.evidence.first)
        #expect(String(decoding: bytes[evidence.start..<evidence.end], as: UTF8.self) == evidence.text)
        #expect(record.fact(.adverseEffect, "drowsiness")?.evidence.first?.section == "side effects")
    }

    @Test func aBadPathIsAConfigurationError() throws {
        do {
            _ = try pipeline(
                xml: """
                    xml:
                      sections:
                        - {path: "//chapter[1]"}
                    """)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.kind == .configuration)
            #expect(error.reason.contains("xml.sections"))
        }
    }
}
