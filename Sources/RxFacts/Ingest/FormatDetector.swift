import RxXML

/// Picks the ingester for an input by its content, not its file name: SPL (root `document`
/// in `urn:hl7-org:v3`), ePI (FHIR `Composition`/`Bundle` in `http://hl7.org/fhir`), other
/// XML, FHIR JSON ePI (`Composition`/`Bundle` with `resourceType`), or plain text. UTF-16/UTF-32
/// input, other FHIR resources and JSON that is not FHIR are refused with a clear error.
public struct FormatDetector: Ingester {
    /// Reports the detected format in `document.format`; this value is never emitted.
    public let format = "auto"

    package enum Format: String, Sendable, Hashable {
        case spl, epi
        case epiJSON = "epi-json"
        case xml, text
    }

    package var spl: SPLIngester
    package var epi: EPIIngester
    package var epiJSON: EPIJSONIngester
    package var xml: XMLIngester
    package var text: TextIngester

    package init(limits: XMLLimits = .default, xmlMappings: [XMLSectionMapping] = []) {
        spl = SPLIngester(limits: limits)
        epi = EPIIngester(limits: limits)
        epiJSON = EPIJSONIngester(limits: limits)
        xml = XMLIngester(mappings: xmlMappings, limits: limits)
        text = TextIngester()
    }

    /// The format of `input`, from its first bytes.
    package func detect(_ input: SourceInput) throws(InputError) -> Format {
        let bytes = input.bytes
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                .encoding, path: input.path, line: 1, column: 1,
                reason: "UTF-16 input is not supported; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
        }
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
            throw InputError(
                .encoding, path: input.path, line: 1, column: 1,
                reason: "input starts with NUL bytes (UTF-16 or UTF-32 without byte-order mark?); convert it to UTF-8")
        }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count else { return .text }
        if let kind = UnsupportedFormat.sniff(bytes, from: i) {
            throw InputError(.unsupportedFormat, path: input.path, line: 1, column: 1, reason: kind.reason)
        }
        if bytes[i] == 0x3C {  // '<'
            if let root = XMLReader.sniffRoot(bytes) {
                if root.localName == "document", root.namespace == SPLIngester.namespace { return .spl }
                if root.namespace == EPIIngester.namespace,
                    root.localName == "Composition" || root.localName == "Bundle"
                {
                    return .epi
                }
            }
            // Unknown or broken XML: the XML ingester reports what is wrong with line and column.
            return .xml
        }
        if bytes[i] == 0x7B {  // '{'
            var j = i + 1
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x09 {
                j += 1
            }
            if let type = EPIJSONIngester.sniffResourceType(bytes) {
                if EPIJSONIngester.resourceTypes.contains(type) { return .epiJSON }
                throw InputError(
                    .unsupportedFormat, path: input.path, line: 1, column: 1,
                    reason: "FHIR JSON resource \(type) is not an ePI leaflet (expected a Composition or Bundle)")
            }
            if j < bytes.count, bytes[j] == 0x22 || bytes[j] == 0x7D {  // '"' or '}': a JSON object
                var k = j + 1
                while k < bytes.count, k - j < 64, bytes[k] != 0x22 { k += 1 }
                let first =
                    bytes[j] == 0x22 && k < bytes.count
                    ? "first member \"\(String(decoding: bytes[(j + 1)..<k], as: UTF8.self))\"" : "empty object"
                throw InputError(
                    .unsupportedFormat, path: input.path, line: 1, column: 1,
                    reason:
                        "JSON that is not FHIR (no \"resourceType\" near the start; \(first)); rxfacts reads FHIR ePI JSON, SPL or ePI XML, and plain text"
                )
            }
        }
        if bytes[i] == 0x5B {  // '[': a JSON array ('[{', '[[', '["', '[]') is not a leaflet text
            var j = i + 1
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x09 {
                j += 1
            }
            if j < bytes.count, bytes[j] == 0x7B || bytes[j] == 0x5B || bytes[j] == 0x5D || bytes[j] == 0x22 {
                throw InputError(
                    .unsupportedFormat, path: input.path, line: 1, column: 1,
                    reason:
                        "a JSON array, not a leaflet; rxfacts reads one FHIR ePI Composition or Bundle object per file (JSON starting with '{'), SPL or ePI XML, and plain text"
                )
            }
        }
        return .text
    }

    /// The ingester for `input`'s format.
    public func ingester(for input: SourceInput) throws(InputError) -> any Ingester {
        switch try detect(input) {
        case .spl: spl
        case .epi: epi
        case .epiJSON: epiJSON
        case .xml: xml
        case .text: text
        }
    }

    /// Accepts everything: every input gets a format or a clear error.
    public func accepts(_ input: SourceInput) -> Bool { true }

    /// Detects and ingests in one step.
    public func ingest(_ input: SourceInput) throws(InputError) -> IngestedDocument {
        try ingester(for: input).ingest(input)
    }
}
