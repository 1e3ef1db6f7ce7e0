import RxXML

/// Ingests any other well-formed XML leaflet (format `xml`). With `mappings` from the pipeline
/// file it cuts the document into named sections; without, the whole root's text becomes the
/// document text (XHTML-aware layout) and the segmenter looks for headings.
package struct XMLIngester: Ingester {
    package let format = "xml"
    package var limits: XMLLimits
    package var mappings: [XMLSectionMapping]

    package init(mappings: [XMLSectionMapping] = [], limits: XMLLimits = .default) {
        self.mappings = mappings
        self.limits = limits
    }

    package func accepts(_ input: SourceInput) -> Bool { XMLReader.sniffRoot(input.bytes) != nil }

    package func ingest(_ input: SourceInput) throws(InputError) -> IngestedDocument {
        let tree = try XMLInput.read(input, limits: limits)
        var flattener = XMLTextFlattener(bytes: tree.bytes)
        var spans: [SectionSpan] = []

        // Every mapped section element, in document order, with its mapping.
        var matches: [(element: XElement, mapping: XMLSectionMapping)] = []
        for mapping in mappings {
            for element in mapping.path.select(from: tree.root)
            where !matches.contains(where: { $0.element.range == element.range }) {
                matches.append((element, mapping))
            }
        }
        matches.sort { $0.element.range.lowerBound < $1.element.range.lowerBound }

        if matches.isEmpty {
            flattener.appendContent(of: tree.root)
        } else {
            let sectionRanges = Set(matches.map(\.element.range))
            for (element, mapping) in matches {
                let level =
                    1
                    + matches.filter {
                        $0.element.range != element.range && $0.element.range.lowerBound <= element.range.lowerBound
                            && element.range.upperBound <= $0.element.range.upperBound
                    }.count
                var heading = ""
                var headingRange: Range<Int>?
                if let titlePath = mapping.title {
                    if let attributeName = titlePath.attribute {
                        let owner = titlePath.select(from: element).first
                        if let attribute = owner?.attribute(attributeName) {
                            heading = attribute.value
                            flattener.appendHeading(attribute)
                        }
                    } else if let titleElement = titlePath.select(from: element).first {
                        heading = tree.textContent(of: titleElement)
                        headingRange = titleElement.range
                        if !heading.isEmpty { flattener.appendHeading(titleElement) }
                    }
                }
                if heading.isEmpty { flattener.requestBreak(2, at: element.range.lowerBound) }
                let start = flattener.commitBreak()
                var content = element
                if let textPath = mapping.text { content = textPath.select(from: element).first ?? content }
                flattener.appendContent(
                    of: content,
                    leavingOut: { child in child.range == headingRange || sectionRanges.contains(child.range) })
                var name = mapping.name ?? SPLSectionNames.fromHeading(heading)
                if name.isEmpty { name = element.localName }
                spans.append(SectionSpan(name: name, level: level, range: start..<max(start, flattener.text.count)))
                flattener.requestBreak(2, at: element.range.upperBound)
            }
        }
        let info = DocumentInfo(
            id: input.documentId, source: input.path, format: format,
            sections: spans.isEmpty ? nil : spans.map(\.name),
            contentHash: ContentHash.fnv1a64Hex(input.bytes))
        return IngestedDocument(
            info: info, source: input.bytes, text: flattener.text, textMap: flattener.map, sections: spans)
    }
}
