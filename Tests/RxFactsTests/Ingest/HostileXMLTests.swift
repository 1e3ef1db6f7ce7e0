import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsDiff
@testable import RxFactsEval
@testable import RxFactsLexiconBuild
@testable import RxXML

/// Crafted hostile and broken inputs (Fixtures/xml): every one must end in a clear error with
/// line and column, quickly and without reading files or the network.
@Suite struct HostileXMLTests {
    private func ingestError(_ name: String) throws -> InputError {
        let input = try XMLTestSupport.fixture(name)
        do {
            let document = try FormatDetector().ingest(input)
            Issue.record("\(name) was accepted: \(XMLTestSupport.string(document.text.prefix(200)))")
            return InputError(.empty, path: name, reason: "accepted")
        } catch {
            return error
        }
    }

    @Test func externalEntityIsRefusedAndNeverRead() throws {
        let error = try ingestError("xxe.xml")
        #expect(error.kind == .malformedXML)
        #expect(error.line == 3)
        #expect(error.reason.contains("declares entities"))
        #expect(!error.description.contains("root:"))
        #expect(error.description.hasPrefix("Fixtures/xml/xxe.xml:3:"))
    }

    @Test func parameterEntityIsRefused() throws {
        let error = try ingestError("xxe-parameter.xml")
        #expect(error.kind == .malformedXML)
        #expect(error.line == 3)
    }

    @Test func externalDTDIsNotLoaded() throws {
        // A DOCTYPE naming an external DTD is allowed, but the DTD is never fetched.
        let document = try XMLIngester().ingest(try XMLTestSupport.fixture("external-dtd.xml"))
        #expect(XMLTestSupport.string(document.text) == "Take one tablet daily.")
    }

    @Test func billionLaughsFailsBeforeExpansion() throws {
        let error = try ingestError("billion-laughs.xml")
        #expect(error.kind == .malformedXML)
        #expect(error.line == 3)
        #expect(error.column == 2)
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 100_000
        var bytes = Array("<?xml version=\"1.0\"?>\n".utf8)
        bytes.reserveCapacity(depth * 7 + 64)
        for _ in 0..<depth { bytes.append(contentsOf: Array("<a>".utf8)) }
        bytes.append(contentsOf: Array("x".utf8))
        for _ in 0..<depth { bytes.append(contentsOf: Array("</a>".utf8)) }
        do {
            _ = try XMLReader().read(bytes)
            Issue.record("100k-deep document was accepted")
        } catch {
            #expect(error.kind == .limit)
            #expect(error.line == 2)
            #expect(error.column > 1)
        }
        // The same through the ingest front door names the file.
        let input = SourceInput(path: "deep.xml", bytes: bytes)
        #expect(throws: InputError.self) { try FormatDetector().ingest(input) }
    }

    @Test func depthLimitIsConfigurable() throws {
        let bytes = Array("<a><b><c><d>text</d></c></b></a>".utf8)
        #expect(throws: XMLParseError.self) { try XMLReader(limits: XMLLimits(maxDepth: 3)).read(bytes) }
        let tree = try XMLReader(limits: XMLLimits(maxDepth: 4)).read(bytes)
        #expect(tree.root.localName == "a")
    }

    @Test func sizeLimit() throws {
        let bytes = Array("<a>0123456789</a>".utf8)
        do {
            _ = try XMLReader(limits: XMLLimits(maxInputBytes: 10)).read(bytes)
            Issue.record("over-size document accepted")
        } catch {
            #expect(error.kind == .limit)
        }
    }

    @Test func truncatedFileNamesLineAndColumn() throws {
        let error = try ingestError("truncated.xml")
        #expect(error.kind == .malformedXML)
        #expect(error.line == 8)
        #expect((error.column ?? 0) > 1)
        #expect(error.description.hasPrefix("Fixtures/xml/truncated.xml:8:40: document ends before it is complete"))
        #expect(error.reason.contains("<paragraph> is not closed"))
    }

    @Test func mismatchedTagsNameLineAndColumn() throws {
        let error = try ingestError("malformed.xml")
        #expect(error.kind == .malformedXML)
        #expect(error.line == 4)
        #expect((error.column ?? 0) > 1)
        #expect(error.reason.contains("mismatch") || error.reason.contains("paragraph"))
    }

    @Test func garbageAfterLessThan() throws {
        let error = try ingestError("garbage.xml")
        #expect(error.kind == .malformedXML)
        #expect(error.line == 1)
    }

    @Test func binaryFileIsNotTakenForText() throws {
        let error = try ingestError("not-xml.png")
        #expect(error.kind == .encoding)
        #expect(error.line == 1)
    }

    @Test func undeclaredEntityIsAnError() throws {
        let error = try ingestError("undeclared-entity.xml")
        #expect(error.kind == .malformedXML)
        #expect(error.line == 1)
        #expect(error.reason.contains("nbsp"))
    }

    @Test func nonUTF8EncodingsAreRefused() throws {
        let latin1 = try ingestError("latin1.xml")
        #expect(latin1.kind == .encoding)
        #expect(latin1.reason.contains("ISO-8859-1"))
        let utf16 = try ingestError("utf16.xml")
        #expect(utf16.kind == .encoding)
        #expect(utf16.reason.contains("UTF-16"))
    }

    @Test func invalidUTF8InsideXMLIsReportedByLibXML2() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>ok\n bad ".utf8)
        bytes.append(0xC3)
        bytes.append(contentsOf: Array("(</a>".utf8))
        do {
            _ = try XMLReader().read(bytes)
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.line == 3)
        }
    }
}
