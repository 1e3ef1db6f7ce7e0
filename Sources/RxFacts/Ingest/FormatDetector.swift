import RxXML

/// Picks the ingester for an input by its content, not its file name: SPL (root `document`
/// in `urn:hl7-org:v3`), ePI (FHIR `Composition`/`Bundle` in `http://hl7.org/fhir`), other
/// XML, or plain text. UTF-16/UTF-32 input and FHIR JSON are refused with a clear error.
public struct FormatDetector: Ingester {
    /// Reports the detected format in `document.format`; this value is never emitted.
    public let format = "auto"

    public enum Format: String, Sendable, Hashable {
        case spl, epi, xml, text
    }

    public var spl: SPLIngester
    public var epi: EPIIngester
    public var xml: XMLIngester
    public var text: TextIngester

    public init(limits: XMLLimits = .default, xmlMappings: [XMLSectionMapping] = []) {
        spl = SPLIngester(limits: limits)
        epi = EPIIngester(limits: limits)
        xml = XMLIngester(mappings: xmlMappings, limits: limits)
        text = TextIngester()
    }

    /// The format of `input`, from its first bytes.
    public func detect(_ input: SourceInput) throws(InputError) -> Format {
        let bytes = input.bytes
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(.encoding, path: input.path, line: 1, column: 1,
                             reason: "UTF-16 input is not supported; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
        }
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
            throw InputError(.encoding, path: input.path, line: 1, column: 1,
                             reason: "input starts with NUL bytes (UTF-16 or UTF-32 without byte-order mark?); convert it to UTF-8")
        }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count else { return .text }
        if bytes[i] == 0x3C {  // '<'
            if let root = XMLReader.sniffRoot(bytes) {
                if root.localName == "document", root.namespace == SPLIngester.namespace { return .spl }
                if root.namespace == EPIIngester.namespace, root.localName == "Composition" || root.localName == "Bundle" {
                    return .epi
                }
            }
            // Unknown or broken XML: the XML ingester reports what is wrong with line and column.
            return .xml
        }
        if bytes[i] == 0x7B {  // '{'
            let head = bytes[i..<min(bytes.count, i + 4096)]
            if head.firstRange(of: Array("\"resourceType\"".utf8)) != nil {
                throw InputError(.unsupportedFormat, path: input.path, line: 1, column: i + 1,
                                 reason: "FHIR JSON is not supported yet; supply the ePI as FHIR XML")
            }
        }
        return .text
    }

    /// The ingester for `input`'s format.
    public func ingester(for input: SourceInput) throws(InputError) -> any Ingester {
        switch try detect(input) {
        case .spl: spl
        case .epi: epi
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
