internal import CLibXML2

/// Runs libxml2's streaming text reader over a buffer with hardened options, so a document is
/// known to be well-formed before rxfacts' own scanner reads it.
///
/// Options: `XML_PARSE_NONET` (no network), no `XML_PARSE_NOENT` (entities are never
/// substituted), no `XML_PARSE_DTDLOAD`/`DTDATTR`/`DTDVALID` (no DTD is fetched), no
/// `XML_PARSE_HUGE` (libxml2 keeps its built-in depth, text-size and entity-amplification caps).
/// All libxml2 pointers live and die inside `validate`.
enum LibXML2Validator {
    /// `xmlInitParser` must run once before libxml2 is used from several threads.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Throws the first libxml2 error (with line and column) or a depth-limit error.
    static func validate(_ buffer: UnsafeBufferPointer<UInt8>, limits: XMLLimits) throws(XMLParseError) {
        _ = initialized
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            throw XMLParseError(.malformed, line: 1, column: 1, message: "document is empty")
        }
        let collector = ErrorCollector()
        let maybeReader = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            xmlReaderForMemory($0, Int32(buffer.count), nil, nil, options)
        }
        guard let reader = maybeReader else {
            throw XMLParseError(.malformed, line: 1, column: 1, message: "libxml2 could not create a reader")
        }
        defer { xmlFreeTextReader(reader) }
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let userData, let error else { return }
            Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
        }, context)

        var status: Int32 = 1
        var depthError: XMLParseError?
        while status == 1 {
            status = xmlTextReaderRead(reader)
            if status == 1, xmlTextReaderNodeType(reader) == 1, xmlTextReaderDepth(reader) >= Int32(limits.maxDepth) {
                depthError = XMLParseError(
                    .limit, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                    column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                    message: "elements nested deeper than \(limits.maxDepth) levels")
                break
            }
        }
        withExtendedLifetime(collector) {}
        if let depthError { throw depthError }
        if var first = collector.first {
            if first.line <= 0 { first.line = Int(xmlTextReaderGetParserLineNumber(reader)) }
            if first.column <= 0 { first.column = Int(xmlTextReaderGetParserColumnNumber(reader)) }
            throw first
        }
        if status != 0 {
            throw XMLParseError(
                .malformed, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                message: "libxml2 stopped reading (status \(status))")
        }
    }

    /// Keeps the first error of level ERROR or FATAL that libxml2 reports.
    private final class ErrorCollector {
        var first: XMLParseError?

        func record(_ error: xmlError) {
            guard first == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var message = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
            while message.last == "\n" || message.last == " " { message.removeLast() }
            let kind: XMLParseError.Kind =
                message.contains("depth") || message.contains("HUGE") || message.contains("amplification")
                ? .limit : .malformed
            first = XMLParseError(kind, line: Int(error.line), column: Int(error.int2), message: message)
        }
    }
}
