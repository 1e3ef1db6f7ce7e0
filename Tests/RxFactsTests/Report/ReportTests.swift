import Foundation
import Testing
@testable import RxFacts
@testable import RxFactsBatch
@testable import RxFactsReport

/// The HTML evidence report: one mark per evidence span whose text is the evidence text, valid
/// nesting for overlapping spans, records read back from JSON Lines, and a real browser's view.
@Suite struct ReportTests {
    /// The report of every leaflet in Corpus/ plus the ePI fixtures (XML and JSON).
    static let corpus: (documents: [ReportDocument], html: String) = {
        let builder = ReportBuilder(pipeline: TestSupport.pipeline)
        let result = builder.build([
            TestSupport.path("Corpus"),
            TestSupport.path("Tests/RxFactsTests/Fixtures/xml/epi-composition.xml"),
            TestSupport.path("Tests/RxFactsTests/Fixtures/epijson/composition.json"),
        ])
        precondition(result.errors.isEmpty, "\(result.errors)")
        return (result.documents, HTMLReport().render(result.documents))
    }()

    /// Text as read: markup removed, common entities decoded, whitespace dropped (an inline element such
    /// as `ORENCIA<sup>®</sup>` joins its neighbour where a block element separates words; both read
    /// the same letters in the same order).
    static func asRead(_ text: String) -> String {
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
                continue
            }
            if character == ">", inTag {
                inTag = false
                continue
            }
            if !inTag { out.append(character) }
        }
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#160;", " "), ("&amp;", "&"),
        ] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return String(out.filter { !$0.isWhitespace })
    }

    static var evidenceCount: Int { corpus.documents.reduce(0) { $0 + $1.evidenceItems.count } }

    @Test func everyEvidenceSpanIsOneMarkWithItsText() throws {
        let marks = MarkParser.parse(Self.corpus.html)
        let firsts = marks.filter { $0.attributes["id"] != nil }
        #expect(Self.corpus.documents.count == 14)
        #expect(firsts.count == Self.evidenceCount)
        #expect(Self.evidenceCount > 1000)
        // Pieces of a split span, joined in order, are the span.
        var text: [String: String] = [:]
        for mark in marks {
            let id = mark.attributes["id"] ?? mark.attributes["data-of"] ?? ""
            text[id, default: ""] += mark.text
        }
        var offText = 0
        for (d, document) in Self.corpus.documents.enumerated() {
            for item in document.evidenceItems {
                let id = "d\(d)-e\(item.number)"
                guard let mark = firsts.first(where: { $0.attributes["id"] == id }) else {
                    Issue.record("no mark \(id)")
                    continue
                }
                // The mark shows the span as the reader sees it; the evidence quotes the source bytes
                // (for XML with the markup between text nodes), so both are compared as read.
                #expect(
                    Self.asRead(text[id] ?? "") == Self.asRead(item.evidence.text),
                    "\(document.record.document.id) \(item.fact.type.rawValue) \(item.fact.value)")
                #expect(mark.attributes["data-type"] == item.fact.type.rawValue)
                #expect(mark.attributes["data-value"] == item.fact.value)
                #expect(mark.attributes["data-rule"] == item.fact.rule)
                #expect(mark.attributes["data-start"] == String(item.evidence.start))
                #expect(mark.attributes["data-end"] == String(item.evidence.end))
                #expect(mark.classes.contains("neg") == item.fact.negated)
                #expect(mark.classes.contains("hedge") == item.fact.hedged)
                if !mark.inText { offText += 1 }
            }
        }
        // Only SPL metadata (attribute values) lies outside the running text.
        let metadata = Self.corpus.documents.flatMap(\.evidenceItems).filter { $0.evidence.path != nil }.count
        #expect(offText <= metadata)
    }

    @Test func selfContainedNoScriptNoNetwork() {
        let html = Self.corpus.html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\""))
        #expect(!html.contains("url("))
        #expect(!html.contains("href=\"http"))
        // Sections are headings, every document is indexed.
        #expect(html.contains("<h3 class=\"section\" title=\"indications and usage\">"))
        for d in Self.corpus.documents.indices { #expect(html.contains("<a href=\"#d\(d)\">")) }
    }

    @Test func negatedAndHedgedFactsAreStyledApart() throws {
        let marks = MarkParser.parse(Self.corpus.html)
        let negated = try #require(
            marks.first { $0.attributes["data-value"] == "analgesic" && $0.classes.contains("neg") })
        #expect(negated.text == "classified as a primary analgesic")
        #expect(marks.contains { $0.classes.contains("hedge") })
        #expect(Self.corpus.html.contains("mark.neg {") && Self.corpus.html.contains("mark.hedge {"))
    }

    // MARK: Overlaps

    @Test func nestedSpansOpenLongestFirst() {
        let plan = MarkPlan(
            length: 10, spans: [.init(id: 0, range: 2..<4), .init(id: 1, range: 0..<8), .init(id: 2, range: 0..<8)],
            sections: [])
        #expect(
            plan.steps == [
                .open(span: 1, part: 1), .open(span: 2, part: 1), .text(0..<2), .open(span: 0, part: 1), .text(2..<4),
                .close(span: 0), .text(4..<8), .close(span: 2), .close(span: 1), .text(8..<10),
            ])
    }

    @Test func crossingSpanIsSplitIntoParts() {
        // 0..<6 and 3..<9 cross: the second closes at 6 with the first and reopens as part 2.
        let plan = MarkPlan(length: 9, spans: [.init(id: 0, range: 0..<6), .init(id: 1, range: 3..<9)], sections: [4])
        #expect(
            plan.steps == [
                .open(span: 0, part: 1), .text(0..<3), .open(span: 1, part: 1), .text(3..<4), .text(4..<6),
                .close(span: 1), .close(span: 0), .open(span: 1, part: 2), .text(6..<9), .close(span: 1), .section(0),
            ])
    }

    @Test func crossingSpansRenderAsOneMarkPlusContinuations() throws {
        let text = "Diazepam belongs to the benzodiazepine class of drugs."
        let record = Record(
            document: DocumentInfo(id: "x", source: "x.txt", format: "text"),
            drugs: [
                DrugRecord(
                    name: "diazepam",
                    facts: [
                        Fact(
                            type: .drugClass, value: "benzodiazepine",
                            evidence: [
                                Evidence(
                                    section: "main", start: 0, end: 38, text: "Diazepam belongs to the benzodiazepine")
                            ], rule: "r1"),
                        Fact(
                            type: .indication, value: "y", hedged: true,
                            evidence: [Evidence(section: "main", start: 24, end: 44, text: "benzodiazepine class")],
                            rule: "r2"),
                    ])
            ])
        let layout = TextLayout(
            text: Array(text.utf8), textMap: .identity(count: text.utf8.count),
            sections: [.init(name: "main", offset: 0, level: 1)])
        let html = HTMLReport().render([ReportDocument(record: record, layout: layout)])
        let marks = MarkParser.parse(html)
        #expect(marks.filter { $0.attributes["id"] != nil }.count == 2)
        let parts = marks.filter { $0.attributes["data-of"] == "d0-e1" }
        #expect(parts.count == 1 && parts.first?.attributes["data-part"] == "2")
        let first = try #require(marks.first { $0.attributes["id"] == "d0-e1" })
        #expect(first.text + (parts.first?.text ?? "") == "benzodiazepine class")
    }

    // MARK: From JSON Lines

    @Test func recordsFromJSONLinesAreShownOnTheirSources() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let leaflet = folder.appendingPathComponent("seed.txt")
        try FileManager.default.copyItem(atPath: TestSupport.seedPath, toPath: leaflet.path)
        var record = try TestSupport.pipeline.extract(InputCollector.read(leaflet.path))
        // Relative to the records file, as `extract` run in that folder writes it.
        record.document.source = "seed.txt"
        let missing = Record(
            document: DocumentInfo(id: "gone", source: "gone.txt", format: "text"), drugs: record.drugs)
        let jsonl = folder.appendingPathComponent("facts.jsonl")
        try Data(RecordEncoder().encodeLine(record) + RecordEncoder().encodeLine(missing)).write(to: jsonl)

        let result = ReportBuilder(pipeline: TestSupport.pipeline).build([jsonl.path])
        #expect(result.errors.isEmpty)
        #expect(result.documents.count == 2)
        #expect(result.documents[0].layout != nil)
        #expect(result.documents[1].layout == nil)
        #expect(result.documents[1].note?.contains("source not found: gone.txt") == true)
        let marks = MarkParser.parse(HTMLReport().render(result.documents))
        #expect(
            marks.filter { $0.attributes["id"] != nil }.count == 2
                * record.drugs.flatMap(\.facts).flatMap(\.evidence).count)
        let firstDocument = marks.filter { $0.attributes["id"]?.hasPrefix("d0-") == true }
        #expect(!firstDocument.isEmpty && firstDocument.allSatisfy { $0.inText })

        // The same record after its source changed: listed, not laid out on the wrong text.
        try ("Changed.\n" + String(contentsOf: leaflet, encoding: .utf8)).write(
            to: leaflet, atomically: true, encoding: .utf8)
        let changed = ReportBuilder(pipeline: TestSupport.pipeline).build([jsonl.path])
        #expect(changed.documents[0].layout == nil)
        #expect(changed.documents[0].note?.contains("has changed") == true)
    }

    // MARK: In a browser

    /// Headless Chromium parses the page: its DOM holds one `<mark id=…>` per evidence span (the
    /// nesting survived the HTML parser), and it renders the page to a PNG.
    @Test(
        .enabled(
            if: Chromium.path != nil, "Chromium is not installed (apt-get install chromium, or set RXFACTS_CHROMIUM)"))
    func chromiumParsesAndRendersTheReport() throws {
        let chromium = try #require(Chromium.path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rxfacts-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try Self.corpus.html.write(to: page, atomically: true, encoding: .utf8)

        let dom = try Chromium.run(chromium, ["--dump-dom", page.absoluteString], in: folder)
        #expect(dom.components(separatedBy: "<mark id=\"").count - 1 == Self.evidenceCount)
        let browserMarks = MarkParser.parse(dom)
        #expect(browserMarks.filter { $0.attributes["id"] != nil }.count == Self.evidenceCount)

        let png = folder.appendingPathComponent("report.png")
        _ = try Chromium.run(
            chromium, ["--screenshot=\(png.path)", "--window-size=1280,2000", page.absoluteString], in: folder)
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(bytes.count > 20_000, "a blank page compresses to a few kB")
    }
}

/// Finds headless Chromium and runs it.
enum Chromium {
    static let path: String? = {
        if let explicit = ProcessInfo.processInfo.environment["RXFACTS_CHROMIUM"], !explicit.isEmpty { return explicit }
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in ["/usr/bin", "/usr/local/bin", "/snap/bin"]
            where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }()

    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory.path)/profile"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A small scanner for the report's marks: attributes, classes and text content (entities
/// decoded), with nested marks each receiving the text inside them.
struct MarkParser {
    struct Mark {
        var attributes: [String: String]
        var text = ""
        /// False for marks in the "outside the running text" list.
        var inText: Bool
        var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
    }

    static func parse(_ html: String) -> [Mark] {
        let bytes = Array(html.utf8)
        var marks: [Mark] = []
        var open: [Int] = []
        var inOffText = false
        var i = 0
        var pending: [UInt8] = []
        func flush() {
            guard !pending.isEmpty else { return }
            let text = decode(String(decoding: pending, as: UTF8.self))
            for index in open { marks[index].text += text }
            pending.removeAll()
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                flush()
                var j = i
                while j < bytes.count, bytes[j] != UInt8(ascii: ">") { j += 1 }
                let tag = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                if tag.hasPrefix("mark ") || tag == "mark" {
                    marks.append(Mark(attributes: attributes(tag), inText: !inOffText))
                    open.append(marks.count - 1)
                } else if tag == "/mark" {
                    _ = open.popLast()
                } else if tag.hasPrefix("ul class=\"offtext\"") {
                    inOffText = true
                } else if tag == "/ul" {
                    inOffText = false
                }
                i = j + 1
            } else {
                pending.append(bytes[i])
                i += 1
            }
        }
        flush()
        return marks
    }

    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        let pattern = /([a-z-]+)="([^"]*)"/
        for match in tag.matches(of: pattern) { result[String(match.1)] = decode(String(match.2)) }
        return result
    }

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#10;", with: "\n")
            .replacingOccurrences(of: "&#13;", with: "\r").replacingOccurrences(of: "&amp;", with: "&")
    }
}
