/// Decodes the content of a JSON string (already checked by `JSONScanner`) to UTF-8 bytes and
/// an `OffsetMap` from the decoded bytes to the JSON source: plain bytes are copy runs, each
/// escape (`\n`, `\"`, `\u00e9`, a surrogate pair) is one replace run over its source bytes.
enum JSONStringDecoder {
    static func decode(_ source: [UInt8], _ range: Range<Int>) -> (bytes: [UInt8], map: OffsetMap) {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var map = OffsetMap()
        var i = range.lowerBound
        var runStart = i
        func flush(_ end: Int) {
            if end > runStart {
                out.append(contentsOf: source[runStart..<end])
                map.copy(sourceStart: runStart, count: end - runStart)
            }
        }
        while i < range.upperBound {
            guard source[i] == 0x5C else {
                i += 1
                continue
            }  // '\'
            flush(i)
            let escapeStart = i
            let kind = source[i + 1]
            var scalar: Unicode.Scalar
            i += 2
            switch kind {
            case 0x6E: scalar = "\n"
            case 0x74: scalar = "\t"
            case 0x72: scalar = "\r"
            case 0x62: scalar = "\u{8}"
            case 0x66: scalar = "\u{C}"
            case 0x75:  // 'u'
                var value = hex4(source, at: i) ?? 0xFFFD
                i += 4
                if (0xD800...0xDBFF).contains(value), i + 6 <= range.upperBound, source[i] == 0x5C,
                    source[i + 1] == 0x75, let low = hex4(source, at: i + 2), (0xDC00...0xDFFF).contains(low)
                {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            default: scalar = Unicode.Scalar(kind)  // '"', '\\', '/'
            }
            let before = out.count
            out.append(contentsOf: String(scalar).utf8)
            map.replace(sourceStart: escapeStart, sourceCount: i - escapeStart, outputCount: out.count - before)
            runStart = i
        }
        flush(range.upperBound)
        return (out, map)
    }

    /// The value of four hex digits at `offset`, nil when they are not all hex.
    static func hex4(_ bytes: [UInt8], at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for k in offset..<offset + 4 {
            let b = bytes[k]
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The decoded string as a Swift `String` (keys, ids, titles).
    static func string(_ source: [UInt8], _ range: Range<Int>, escaped: Bool) -> String {
        escaped
            ? String(decoding: decode(source, range).bytes, as: UTF8.self)
            : String(decoding: source[range], as: UTF8.self)
    }
}
