import Foundation
import Testing
@testable import RxFacts
@testable import RxXML

/// Large but valid XML parses within the documented 128 MiB without `XML_PARSE_HUGE`, and the
/// inputs that made libxml2 quadratic are refused up front (issue 13, defects 6 and 7).
@Suite struct LargeXMLTests {
    /// An SPL-shaped document of about `bytes` bytes: many paragraphs, or one huge text node.
    static func largeSPL(bytes: Int, oneTextNode: Bool = false) -> [UInt8] {
        let head = """
            <?xml version="1.0" encoding="UTF-8"?>
            <document xmlns="urn:hl7-org:v3"><id root="11111111-2222-3333-4444-555555555555"/>\
            <setId root="aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"/><title>Big</title><component><structuredBody><component><section>\
            <code code="34067-9" codeSystem="2.16.840.1.113883.6.1"/><title>INDICATIONS AND USAGE</title><text>
            """
        let tail = "</text></section></component></structuredBody></component></document>\n"
        var out = Array(head.utf8)
        out.reserveCapacity(bytes + 200)
        if oneTextNode {
            out += Array("<paragraph>".utf8)
            let sentence = Array("Aspirin is used to treat pain. ".utf8)
            while out.count < bytes { out += sentence }
            out += Array("</paragraph>".utf8)
        } else {
            let paragraph = Array("<paragraph>Aspirin is used to treat pain &amp; fever.</paragraph>\n".utf8)
            while out.count < bytes { out += paragraph }
        }
        return out + Array(tail.utf8)
    }

    @Test func aValidDocumentOver10MBIsRead() throws {
        let bytes = Self.largeSPL(bytes: 12_000_000)
        try XMLReader().validate(bytes)
        let tree = try XMLReader().read(bytes)
        #expect(tree.root.localName == "document")
    }

    @Test func oneTextNodeOver10MBIsRead() throws {
        try XMLReader().validate(Self.largeSPL(bytes: 11_000_000, oneTextNode: true))
    }

    @Test func aLargeDocumentCutShortIsStillAnErrorWithItsPosition() throws {
        var bytes = Self.largeSPL(bytes: 3_000_000)
        bytes.removeLast(40)
        #expect(throws: XMLParseError.self) { try XMLReader().validate(bytes) }
    }

    @Test func entitiesAreStillRefusedInLargeDocuments() throws {
        var bytes = Array("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]>".utf8)
        bytes += Self.largeSPL(bytes: 2_000_000).drop(while: { $0 != UInt8(ascii: "\n") })
        do {
            try XMLReader().validate(bytes)
            Issue.record("a DOCTYPE with entities was accepted")
        } catch {
            #expect(error.kind == .forbidden)
        }
    }

    @Test func anElementWithTooManyAttributesIsRefusedBeforeLibxml2() throws {
        var text = "<?xml version=\"1.0\"?><root><x"
        for i in 0..<200_000 { text += " a\(i)=\"1\"" }
        text += "/>text</root>"
        do {
            try XMLReader().validate(Array(text.utf8))
            Issue.record("200,000 attributes were accepted")
        } catch {
            #expect(error.kind == .limit)
            #expect(error.message == "element has more than 1000 attributes")
            #expect(error.line == 1 && error.column == 28)
        }
    }

    /// The same element inside an ePI JSON `div` (decoded, then read by the same reader) and as
    /// an SPL file through format detection: an error naming the limit, not minutes in libxml2.
    @Test func tooManyAttributesInAnEPIDivOrAnSPLFileAreErrorsToo() throws {
        var attributes = ""
        for i in 0..<200_000 { attributes += " a\(i)=\"1\"" }
        let json =
            "{\"resourceType\": \"Composition\", \"section\": [{\"title\": \"Side effects\", \"text\": {\"div\": "
            + "\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><p\(attributes.replacingOccurrences(of: "\"", with: "\\\""))>Headache.</p></div>\"}}]}"
        do {
            _ = try EPIJSONIngester().ingest(SourceInput(path: "attributes.json", bytes: Array(json.utf8)))
            Issue.record("an ePI div with 200,000 attributes was accepted")
        } catch {
            #expect(error.reason.contains("more than 1000 attributes"), "\(error)")
        }
        let spl = "<?xml version=\"1.0\"?><document xmlns=\"urn:hl7-org:v3\"><title\(attributes)>Big</title></document>"
        do {
            _ = try FormatDetector().ingest(SourceInput(path: "attributes.xml", bytes: Array(spl.utf8)))
            Issue.record("an SPL element with 200,000 attributes was accepted")
        } catch {
            #expect(error.reason.contains("more than 1000 attributes"), "\(error)")
        }
    }

    /// An ePI JSON `div` of 11 MB is read like an SPL file of that size (issue 13, defect 6).
    @Test func anEPIJSONDivOver10MBIsRead() throws {
        var paragraph = "<p>"
        while paragraph.utf8.count < 11_000_000 { paragraph += "Aspirin is used to treat pain. " }
        paragraph += "</p>"
        let json =
            "{\"resourceType\": \"Composition\", \"section\": [{\"title\": \"Uses\", \"text\": {\"div\": "
            + "\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">\(paragraph)</div>\"}}]}"
        let document = try EPIJSONIngester().ingest(SourceInput(path: "big.json", bytes: Array(json.utf8)))
        #expect(document.sections.map(\.name) == ["uses"])
        #expect(document.text.count > 11_000_000)
    }

    /// An ePI with 200,000 sections (issue 13, defect 7) is read with every section in order.
    @Test func anEPIJSONWithTwoHundredThousandSectionsIsRead() throws {
        var json = "{\"resourceType\": \"Composition\", \"section\": ["
        for i in 0..<200_000 {
            if i > 0 { json += "," }
            json +=
                "{\"title\": \"Part \(i)\", \"text\": {\"div\": \"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Headache.</div>\"}}"
        }
        json += "]}"
        let document = try EPIJSONIngester().ingest(SourceInput(path: "sections.json", bytes: Array(json.utf8)))
        #expect(document.sections.count == 200_000)
        #expect(document.sections.last?.name == "part 199999")
        #expect(document.sections.allSatisfy { $0.level == 1 })
    }

    @Test func quotesInCommentsCDATAAndTextAreNotAttributes() throws {
        let quotes = String(repeating: "\"x\" 'y' ", count: 2_000)
        let text =
            "<?xml version=\"1.0\"?><root a=\"1\"><!-- \(quotes) --><![CDATA[\(quotes)]]>\(quotes)<?pi \(quotes)?></root>"
        try XMLReader().validate(Array(text.utf8))
    }
}
