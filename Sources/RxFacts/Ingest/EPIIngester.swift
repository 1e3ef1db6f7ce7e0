import RxXML

/// Ingests an EU electronic product information (ePI) leaflet in FHIR XML: a `Composition`
/// (or a `Bundle` whose first `Composition` entry is the leaflet) in namespace
/// `http://hl7.org/fhir`. Each `section` gives a heading (`title/@value`) and XHTML text
/// (`text/div`); sections nest. FHIR JSON is not read (detected and reported).
package struct EPIIngester: Ingester {
    package let format = "epi"
    package var limits: XMLLimits

    package static let namespace = "http://hl7.org/fhir"

    package init(limits: XMLLimits = .default) {
        self.limits = limits
    }

    package func accepts(_ input: SourceInput) -> Bool {
        guard let root = XMLReader.sniffRoot(input.bytes) else { return false }
        return root.namespace == Self.namespace && (root.localName == "Composition" || root.localName == "Bundle")
    }

    package func ingest(_ input: SourceInput) throws(InputError) -> IngestedDocument {
        let tree = try XMLInput.read(input, limits: limits)
        let root = tree.root
        guard root.namespace == Self.namespace else {
            throw InputError(
                .unsupportedFormat, path: input.path, line: 1, column: 1,
                reason: "not FHIR XML: root <\(root.name)> is not in namespace \(Self.namespace)")
        }
        let composition: XElement
        if root.localName == "Composition" {
            composition = root
        } else if let found = root.children(named: "entry").lazy
            .compactMap({ $0.element(at: ["resource", "Composition"]) }).first
        {
            composition = found
        } else {
            throw InputError(
                .unsupportedFormat, path: input.path, line: 1, column: 1,
                reason: "FHIR <\(root.localName)> holds no Composition (an ePI leaflet is a Composition)")
        }
        func value(_ element: XElement?, _ path: [String]) -> String? {
            element?.element(at: path)?.attribute("value")?.value
        }
        var flattener = XMLTextFlattener(bytes: tree.bytes)
        var sections: [SectionSpan] = []
        let titleAttribute = composition.child("title")?.attribute("value")
        if let titleAttribute { flattener.appendHeading(titleAttribute) }

        func visit(_ section: XElement, level: Int, parent: String?) {
            let titleAttribute = section.child("title")?.attribute("value")
            let heading = titleAttribute?.value ?? ""
            let code = value(section, ["code", "coding", "code"])
            let display = value(section, ["code", "coding", "display"])
            var name = SPLSectionNames.fromHeading(heading)
            if name.isEmpty { name = display.map(SPLSectionNames.fromHeading) ?? parent ?? "untitled section" }
            let start = flattener.beginSection(
                heading: titleAttribute, isEmpty: heading.isEmpty, at: section.range.lowerBound)
            let index = sections.count
            sections.append(SectionSpan(name: name, code: code, level: level, range: start..<start))
            if let div = section.element(at: ["text", "div"]) { flattener.appendContent(of: div) }
            for child in section.children(named: "section") { visit(child, level: level + 1, parent: name) }
            sections[index].range = start..<max(start, flattener.text.count)
            flattener.requestBreak(2, at: section.range.upperBound)
        }
        for section in composition.children(named: "section") { visit(section, level: 1, parent: nil) }

        let id =
            [
                value(composition, ["identifier", "value"]), value(composition, ["id"]),
                value(root, ["identifier", "value"]), value(root, ["id"]),
            ]
            .lazy.compactMap(SourceInput.usableId).first ?? input.documentId
        let info = DocumentInfo(
            id: id, source: input.path, format: format,
            title: titleAttribute?.value,
            version: value(composition, ["version"]) ?? value(root, ["meta", "versionId"]),
            effectiveTime: value(composition, ["date"]),
            documentType: value(composition, ["type", "coding", "code"]),
            sections: sections.map(\.name),
            contentHash: ContentHash.fnv1a64Hex(input.bytes))
        return IngestedDocument(
            info: info, source: input.bytes, text: flattener.text, textMap: flattener.map, sections: sections)
    }
}
