import RxFacts

/// Renders documents and their facts as one self-contained HTML page for review: an index of
/// documents (drugs, fact counts), then per document its facts by type and its text with every
/// evidence span marked. No script, no network, no external asset: CSS is inline, links are
/// in-page anchors (`:target` highlights the evidence a fact links to).
///
/// Each evidence span is a `<mark>` carrying `id` (`dN-eM`), `data-type`, `data-value`,
/// `data-drug`, `data-start`/`data-end` (source byte offsets), `data-rule`, and the classes `neg`
/// and `hedge` for negated and hedged facts. Overlapping spans nest; a span crossing the end of
/// another is split, its later parts carrying `data-part="2"`… and no `id` (see `MarkPlan`), so
/// the marks with an `id` are exactly the evidence spans. Evidence that is not running text
/// (SPL metadata read from attributes, or any evidence when the source is missing) is marked in
/// a list below the text, with its text as recorded.
package struct HTMLReport: Sendable {
    package var title: String

    package init(title: String = "rxfacts evidence report") {
        self.title = title
    }

    /// The whole page.
    package func render(_ documents: [ReportDocument]) -> String {
        var html = HTML()
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<title>")
        html.text(title)
        html.raw("</title>\n<style>\n")
        html.raw(HTMLReport.style)
        html.raw("</style>\n</head>\n<body>\n")
        header(documents, &html)
        index(documents, &html)
        for (number, document) in documents.enumerated() { self.document(document, number: number, &html) }
        html.raw("</body>\n</html>\n")
        return html.out
    }

    // MARK: Header and index

    private func header(_ documents: [ReportDocument], _ html: inout HTML) {
        let facts = documents.reduce(0) { $0 + $1.record.drugs.reduce(0) { $0 + $1.facts.count } }
        let spans = documents.reduce(0) { $0 + $1.evidenceItems.count }
        html.raw("<header class=\"top\"><h1>")
        html.text(title)
        html.raw("</h1>\n<p class=\"summary\">")
        html.text("\(documents.count) documents · \(facts) facts · \(spans) evidence spans")
        let producers = Set(documents.compactMap(\.record.provenance))
        for producer in producers.sorted(by: { "\($0)" < "\($1)" }) {
            html.raw(" · <span class=\"producer\">")
            html.text(
                "rxfacts \(producer.rxfacts), pipeline \(producer.pipeline)"
                    + (producer.fingerprint.map { " (\($0))" } ?? ""))
            html.raw("</span>")
        }
        html.raw("</p>\n<p class=\"legend\">")
        for type in HTMLReport.knownTypes {
            html.raw("<mark class=\"t-\(HTML.attributeSafe(type))\">")
            html.text(type)
            html.raw("</mark> ")
        }
        html.raw("<mark class=\"t-class neg\">negated</mark> <mark class=\"t-class hedge\">hedged</mark> ")
        html.raw(
            "<span class=\"hint\">Overlapping evidence nests; a fact's numbered links jump to its evidence.</span></p>\n</header>\n"
        )
    }

    private func index(_ documents: [ReportDocument], _ html: inout HTML) {
        let types = Set(documents.flatMap { $0.record.drugs.flatMap { $0.facts.map(\.type.rawValue) } })
        let columns = HTMLReport.knownTypes.filter(types.contains) + types.subtracting(HTMLReport.knownTypes).sorted()
        html.raw(
            "<section class=\"index\"><h2>Documents</h2>\n<table>\n<thead><tr><th>#</th><th>document</th><th>drugs</th><th>facts</th>"
        )
        for type in columns {
            html.raw("<th class=\"num type\">")
            html.text(type.replacingOccurrences(of: "-", with: " "))
            html.raw("</th>")
        }
        html.raw("</tr></thead>\n<tbody>\n")
        for (number, document) in documents.enumerated() {
            let record = document.record
            let facts = record.drugs.flatMap(\.facts)
            html.raw("<tr><td class=\"num\">\(number + 1)</td><td><a href=\"#d\(number)\">")
            html.text(HTMLReport.displayTitle(record.document))
            html.raw("</a><div class=\"id\">")
            html.text("\(record.document.format) · \(record.document.id)")
            html.raw("</div></td><td>")
            html.text(record.drugs.map(\.name).joined(separator: ", "))
            html.raw("</td><td class=\"num\">\(facts.count)</td>")
            for type in columns {
                let count = facts.filter { $0.type.rawValue == type }.count
                html.raw("<td class=\"num\">" + (count == 0 ? "" : "\(count)") + "</td>")
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n</section>\n")
    }

    // MARK: One document

    private func document(_ document: ReportDocument, number: Int, _ html: inout HTML) {
        let record = document.record
        let items = document.evidenceItems
        // Where each evidence span sits in the text (nil: not running text).
        var placed: [Int: Range<Int>] = [:]
        if let layout = document.layout {
            for item in items {
                if let range = layout.textRange(ofSource: item.evidence.start..<item.evidence.end) {
                    placed[item.number] = range
                }
            }
        }
        html.raw(
            "<article class=\"doc\" id=\"d\(number)\">\n<h2 class=\"doc-title\"><span class=\"n\">\(number + 1)</span> "
        )
        html.text(HTMLReport.displayTitle(record.document))
        html.raw("</h2>\n<p class=\"meta\">")
        var meta = ["id \(record.document.id)", record.document.format, record.document.source]
        if let v = record.document.version { meta.append("version \(v)") }
        if let v = record.document.effectiveTime { meta.append("effective \(v)") }
        html.text(meta.joined(separator: " · "))
        html.raw("</p>\n<div class=\"cols\">\n<aside class=\"facts\">\n")
        facts(record, items: items, number: number, &html)
        html.raw("</aside>\n<div class=\"leaflet\">\n")
        if let layout = document.layout {
            text(layout, items: items, placed: placed, number: number, &html)
        } else {
            html.raw("<p class=\"note\">")
            html.text(document.note ?? "source text not available")
            html.raw("</p>\n")
        }
        let unplaced = items.filter { placed[$0.number] == nil }
        if !unplaced.isEmpty {
            html.raw("<h3 class=\"offtext\">Evidence outside the running text</h3>\n<ul class=\"offtext\">\n")
            for item in unplaced {
                html.raw("<li>")
                openMark(item, number: number, part: 1, &html)
                html.text(item.evidence.text)
                html.raw("</mark> <span class=\"where\">")
                html.text(
                    item.evidence.section + (item.evidence.path.map { " · \($0)" } ?? "")
                        + " · bytes \(item.evidence.start)–\(item.evidence.end)")
                html.raw("</span></li>\n")
            }
            html.raw("</ul>\n")
        }
        html.raw("</div>\n</div>\n</article>\n")
    }

    private func facts(_ record: Record, items: [EvidenceItem], number: Int, _ html: inout HTML) {
        var itemsByFact: [[Int]: [EvidenceItem]] = [:]
        for item in items { itemsByFact[[item.drugIndex, item.factIndex], default: []].append(item) }
        if record.drugs.isEmpty { html.raw("<p class=\"note\">No drug found.</p>\n") }
        for (d, drug) in record.drugs.enumerated() {
            html.raw("<h3 class=\"drug\">")
            html.text(drug.name)
            html.raw("</h3>\n")
            var about: [String] = []
            if !drug.brands.isEmpty { about.append("brands: " + drug.brands.joined(separator: ", ")) }
            if !drug.codes.isEmpty {
                about.append(drug.codes.keys.sorted().map { "\($0) \(drug.codes[$0]!)" }.joined(separator: ", "))
            }
            if !about.isEmpty {
                html.raw("<p class=\"codes\">")
                html.text(about.joined(separator: " · "))
                html.raw("</p>\n")
            }
            var types: [String] = []
            for fact in drug.facts where !types.contains(fact.type.rawValue) { types.append(fact.type.rawValue) }
            for type in types {
                html.raw("<h4 class=\"t-\(HTML.attributeSafe(type))\">")
                html.text(type)
                html.raw("</h4>\n<ul class=\"fact-list\">\n")
                for (f, fact) in drug.facts.enumerated() where fact.type.rawValue == type {
                    html.raw(
                        "<li class=\"fact" + (fact.negated ? " neg" : "") + (fact.hedged ? " hedge" : "")
                            + "\"><span class=\"value\">")
                    html.text(fact.value)
                    html.raw("</span>")
                    if fact.negated { html.raw(" <span class=\"badge neg\">negated</span>") }
                    if fact.hedged { html.raw(" <span class=\"badge hedge\">hedged</span>") }
                    if let qualifiers = fact.qualifiers {
                        for name in qualifiers.keys.sorted() {
                            html.raw(" <span class=\"qual\">")
                            html.text("\(name): " + qualifiers[name]!.joined(separator: ", "))
                            html.raw("</span>")
                        }
                    }
                    html.raw(" <span class=\"rule\">")
                    html.text(fact.rule + (fact.source == "text" ? "" : " · \(fact.source)"))
                    html.raw("</span> <span class=\"links\">")
                    for (k, item) in (itemsByFact[[d, f]] ?? []).enumerated() {
                        html.raw("<a href=\"#d\(number)-e\(item.number)\" title=\"")
                        html.attribute(item.evidence.section + ": " + item.evidence.text)
                        html.raw("\">\(k + 1)</a>")
                    }
                    html.raw("</span></li>\n")
                }
                html.raw("</ul>\n")
            }
        }
    }

    private func text(
        _ layout: TextLayout, items: [EvidenceItem], placed: [Int: Range<Int>], number: Int, _ html: inout HTML
    ) {
        let spans = items.compactMap { item in placed[item.number].map { MarkPlan.Span(id: item.number, range: $0) } }
        let plan = MarkPlan(length: layout.text.count, spans: spans, sections: layout.sections.map(\.offset))
        html.raw("<div class=\"text\">")
        for step in plan.steps {
            switch step {
            case .text(let range):
                html.text(String(decoding: layout.text[range], as: UTF8.self))
            case .open(let span, let part):
                openMark(items[span], number: number, part: part, &html)
            case .close:
                html.raw("</mark>")
            case .section(let index):
                let section = layout.sections[index]
                let level = min(section.level, 3) + 2
                html.raw("</div>\n<h\(level) class=\"section\" title=\"")
                html.attribute(section.name)
                html.raw("\">§ ")
                html.text(section.name.components(separatedBy: " > ").last ?? section.name)
                html.raw("</h\(level)>\n<div class=\"text\">")
            }
        }
        html.raw("</div>\n")
    }

    private func openMark(_ item: EvidenceItem, number: Int, part: Int, _ html: inout HTML) {
        let fact = item.fact
        var classes = ["t-" + HTML.attributeSafe(fact.type.rawValue)]
        if fact.negated { classes.append("neg") }
        if fact.hedged { classes.append("hedge") }
        html.raw("<mark")
        if part == 1 { html.raw(" id=\"d\(number)-e\(item.number)\"") }
        html.raw(" class=\"\(classes.joined(separator: " "))\" data-type=\"")
        html.attribute(fact.type.rawValue)
        html.raw("\" data-value=\"")
        html.attribute(fact.value)
        html.raw("\" data-drug=\"")
        html.attribute(item.drugName)
        html.raw("\" data-start=\"\(item.evidence.start)\" data-end=\"\(item.evidence.end)\" data-rule=\"")
        html.attribute(fact.rule)
        html.raw("\"")
        if part > 1 { html.raw(" data-part=\"\(part)\" data-of=\"d\(number)-e\(item.number)\"") }
        html.raw(" title=\"")
        html.attribute(
            "\(fact.type.rawValue): \(fact.value)\(fact.negated ? " (negated)" : "")\(fact.hedged ? " (hedged)" : "") · \(item.drugName) · \(fact.rule)"
        )
        html.raw("\">")
    }

    static func displayTitle(_ info: DocumentInfo) -> String {
        if let title = info.title, !title.isEmpty { return title }
        return info.id
    }

    /// Fact types with their own colour, in the order the legend and index show them.
    static let knownTypes = [
        "class", "mechanism", "schedule", "indication", "contraindication", "combination", "adverse-effect",
        "withdrawal", "dependence",
    ]
}

/// Appends escaped HTML to a string.
struct HTML {
    var out = ""

    init() { out.reserveCapacity(1 << 20) }

    mutating func raw(_ s: String) { out += s }

    /// Text content: `&`, `<`, `>` escaped.
    mutating func text(_ s: String) {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }) else {
            out += s
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"  // a raw CR would be folded into the LF by the HTML parser
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Attribute value inside double quotes.
    mutating func attribute(_ s: String) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// A fact type as a class-name suffix: letters, digits and `-` only.
    static func attributeSafe(_ s: String) -> String {
        String(
            s.unicodeScalars.map {
                ($0.properties.isAlphabetic || ("0"..."9").contains($0)) && $0.isASCII ? Character($0) : "-"
            })
    }
}
