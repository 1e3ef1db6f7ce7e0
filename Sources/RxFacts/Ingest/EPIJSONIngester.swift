import RxXML

/// Ingests an EU electronic product information (ePI) leaflet in FHIR JSON: a `Composition`
/// resource, or a `Bundle` whose first `Composition` entry is the leaflet. Each `section` gives
/// a heading (`title`) and XHTML text (`text.div`, a JSON string); sections nest.
///
/// The JSON is read by rxfacts' own byte-level `JSONScanner`, so every decoded character of a
/// `div` string maps back to its bytes in the JSON file (escapes such as `\"` or `\u00e9` map to
/// the whole escape). The decoded XHTML is then read by the hardened `XMLReader` and flattened
/// by the same `XMLTextFlattener` as the XML ePI path; the two offset maps are composed, so
/// evidence offsets point into the JSON file.
package struct EPIJSONIngester: Ingester {
    package let format = "epi"
    /// `maxInputBytes` bounds the JSON file; both limits apply to each XHTML `div`.
    package var limits: XMLLimits

    package init(limits: XMLLimits = .default) {
        self.limits = limits
    }

    /// The FHIR resource types this ingester reads.
    package static let resourceTypes: Set<String> = ["Composition", "Bundle"]

    package func accepts(_ input: SourceInput) -> Bool {
        guard let type = Self.sniffResourceType(input.bytes) else { return false }
        return Self.resourceTypes.contains(type)
    }

    /// The value of the first `"resourceType"` member within the first 4 KiB of a JSON object,
    /// without parsing (nil when the input does not start like a JSON object or has none).
    package static func sniffResourceType(_ bytes: [UInt8]) -> String? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
                i += 1
            }
        }
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x7B else { return nil }
        let head = bytes[i..<min(bytes.count, i + 4096)]
        guard let key = head.firstRange(of: Array("\"resourceType\"".utf8)) else { return nil }
        i = key.upperBound
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x3A else { return nil }
        i += 1
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x22 else { return nil }
        let start = i + 1
        var end = start
        while end < bytes.count, end - start < 64, bytes[end] != 0x22, bytes[end] != 0x5C { end += 1 }
        guard end < bytes.count, bytes[end] == 0x22 else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    package func ingest(_ input: SourceInput) throws(InputError) -> IngestedDocument {
        let bytes = input.bytes
        if bytes.count > limits.maxInputBytes {
            throw InputError(
                .malformedJSON, path: input.path, line: 1, column: 1,
                reason: "document is \(bytes.count) bytes, over the \(limits.maxInputBytes)-byte limit")
        }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            let (line, column) = TextPosition.lineAndColumn(of: bad, in: bytes)
            throw InputError(
                .encoding, path: input.path, line: line, column: column,
                reason: "not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))")
        }
        var scanner = JSONScanner(bytes: bytes, path: input.path, maxDepth: limits.maxDepth)
        let root = try scanner.parseDocument()
        func string(_ value: JSONValue?) -> String? {
            guard case .string(let range, let escaped)? = value else { return nil }
            return JSONStringDecoder.string(bytes, range, escaped: escaped)
        }
        let rootType = string(root["resourceType"])
        let composition: JSONValue
        switch rootType {
        case "Composition":
            composition = root
        case "Bundle":
            guard
                let found = root["entry"]?.elements.lazy.compactMap({ $0["resource"] })
                    .first(where: { string($0["resourceType"]) == "Composition" })
            else {
                throw InputError(
                    .unsupportedFormat, path: input.path, line: 1, column: 1,
                    reason: "FHIR Bundle holds no Composition entry (an ePI leaflet is a Composition)")
            }
            composition = found
        default:
            let found = rootType.map { "FHIR resource \($0)" } ?? "JSON without a FHIR resourceType"
            throw InputError(
                .unsupportedFormat, path: input.path, line: 1, column: 1,
                reason: "\(found) is not an ePI leaflet (expected a FHIR Composition or Bundle)")
        }

        var builder = EPIJSONTextBuilder(source: bytes, path: input.path, limits: limits)
        var sections: [SectionSpan] = []
        if case .string(let range, let escaped)? = composition["title"] {
            builder.appendHeading(range, escaped: escaped)
        }
        func visit(_ section: JSONValue, level: Int, parent: String?) throws(InputError) {
            let heading = string(section["title"]) ?? ""
            let coding = section["code"]?["coding"]?[0]
            let code = string(coding?["code"])
            let display = string(coding?["display"])
            var name = SPLSectionNames.fromHeading(heading)
            if name.isEmpty { name = display.map(SPLSectionNames.fromHeading) ?? parent ?? "untitled section" }
            if case .string(let range, let escaped)? = section["title"], !heading.isEmpty {
                builder.appendHeading(range, escaped: escaped)
            }
            let start = builder.commitBreak(at: section["title"]?.stringRange?.lowerBound ?? 0)
            let index = sections.count
            sections.append(SectionSpan(name: name, code: code, level: level, range: start..<start))
            if let div = section["text"]?["div"]?.stringRange { try builder.appendDiv(div) }
            for child in section["section"]?.elements ?? [] { try visit(child, level: level + 1, parent: name) }
            sections[index].range = start..<max(start, builder.text.count)
            builder.requestBreak()
        }
        for section in composition["section"]?.elements ?? [] { try visit(section, level: 1, parent: nil) }

        func identifierValue(_ resource: JSONValue) -> String? {
            let identifier = resource["identifier"]
            return string(identifier?["value"]) ?? string(identifier?[0]?["value"])
        }
        let id =
            SourceInput.usableId(identifierValue(composition)) ?? SourceInput.usableId(string(composition["id"]))
            ?? SourceInput.usableId(identifierValue(root)) ?? SourceInput.usableId(string(root["id"]))
            ?? input.documentId
        let info = DocumentInfo(
            id: id, source: input.path, format: format,
            title: string(composition["title"]),
            version: string(composition["version"]) ?? string(root["meta"]?["versionId"]),
            effectiveTime: string(composition["date"]),
            documentType: string(composition["type"]?["coding"]?[0]?["code"]),
            sections: sections.map(\.name),
            contentHash: ContentHash.fnv1a64Hex(bytes))
        return IngestedDocument(info: info, source: bytes, text: builder.text, textMap: builder.map, sections: sections)
    }
}
