/// Document formats people hand rxfacts that it does not read, recognised by their first bytes so
/// that they fail with a clear "not supported" error instead of being read as plain text (an HTML
/// leaflet's tags would become its "text") or failing as invalid UTF-8 (a PDF).
enum UnsupportedFormat: String, Sendable {
    case pdf = "PDF"
    case html = "HTML"
    case rtf = "RTF"
    case oleOffice = "a Word/Office (OLE) document"

    var reason: String {
        switch self {
        case .pdf: "PDF is not supported; extract its text first (e.g. pdftotext -layout FILE.pdf FILE.txt)"
        case .html: "HTML is not supported; save the leaflet as plain text, or use its SPL/ePI XML"
        case .rtf: "RTF is not supported; save the leaflet as plain text"
        case .oleOffice: "Word/Office documents are not supported; save the leaflet as plain text"
        }
    }

    /// The unsupported format `bytes` are in, looking from `start` (the first byte after a BOM and
    /// blanks), or nil.
    static func sniff(_ bytes: [UInt8], from start: Int) -> UnsupportedFormat? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oleOffice }
        guard start < bytes.count else { return nil }
        let head = bytes[start..<min(bytes.count, start + 512)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if head.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        guard head.first == 0x3C else { return nil }
        // After an optional XML declaration and comments: an HTML doctype or <html> root.
        var rest = ArraySlice(head)
        while true {
            while let first = rest.first, first == 0x20 || first == 0x0A || first == 0x0D || first == 0x09 {
                rest = rest.dropFirst()
            }
            if rest.starts(with: Array("<?xml".utf8)) || rest.starts(with: Array("<!--".utf8)) {
                let close: [UInt8] = rest.starts(with: Array("<!--".utf8)) ? Array("-->".utf8) : Array("?>".utf8)
                guard let end = rest.firstRange(of: close) else { return nil }
                rest = rest[end.upperBound...]
                continue
            }
            break
        }
        if rest.starts(with: Array("<!doctype html".utf8)) { return .html }
        // A bare <html> root counts when an HTML head or body follows (prose may quote "<html>").
        if rest.starts(with: Array("<html".utf8)), let next = rest.dropFirst(5).first,
            next == 0x3E || next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09
        {
            let window = bytes[start..<min(bytes.count, start + 4096)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            if window.firstRange(of: Array("<body".utf8)) != nil || window.firstRange(of: Array("<head".utf8)) != nil {
                return .html
            }
        }
        return nil
    }
}
