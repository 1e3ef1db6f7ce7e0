/// Ingests a plain-text leaflet: validates UTF-8, drops a byte-order mark, and keeps the
/// file bytes as the text so evidence offsets are file offsets.
package struct TextIngester: Ingester {
    package let format = "text"

    package init() {}

    /// Anything that is not markup: XML goes to an XML ingester or is reported unsupported.
    package func accepts(_ input: SourceInput) -> Bool {
        var i = input.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < input.bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(input.bytes[i]) { i += 1 }
        return
            !(i < input.bytes.count && input.bytes[i] == UInt8(ascii: "<")
            && i + 1 < input.bytes.count
            && (input.bytes[i + 1] == UInt8(ascii: "?") || input.bytes[i + 1] == UInt8(ascii: "!")
                || Tokenizer.isWordByte(input.bytes[i + 1])))
    }

    package func ingest(_ input: SourceInput) throws(InputError) -> IngestedDocument {
        let bytes = input.bytes
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                .encoding, path: input.path, line: 1, column: 1,
                reason: "UTF-16 text is not supported; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
        }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes, from: start) {
            let (line, column) = TextPosition.lineAndColumn(of: bad, in: bytes)
            throw InputError(
                .encoding, path: input.path, line: line, column: column,
                reason: "not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))")
        }
        if !bytes[start...].contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            throw InputError(
                .empty, path: input.path, reason: bytes.isEmpty ? "file is empty" : "file holds only whitespace")
        }
        var map = OffsetMap()
        map.copy(sourceStart: start, count: bytes.count - start)
        let info = DocumentInfo(
            id: input.documentId, source: input.path, format: format,
            contentHash: ContentHash.fnv1a64Hex(bytes))
        return IngestedDocument(info: info, source: bytes, text: Array(bytes[start...]), textMap: map)
    }
}

/// UTF-8 well-formedness check over bytes (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
package enum UTF8Validation {
    /// Offset of the first byte that starts an invalid sequence, or nil if all is valid.
    package static func firstInvalidByte(in bytes: [UInt8], from start: Int = 0) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            // ASCII eight bytes at a time (most of a leaflet).
            while i + 8 <= n,
                (bytes[i] | bytes[i + 1] | bytes[i + 2] | bytes[i + 3] | bytes[i + 4] | bytes[i + 5] | bytes[i + 6]
                    | bytes[i + 7]) < 0x80
            {
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

/// Line and column (1-based, columns counted in bytes) of an offset, for error messages.
package enum TextPosition {
    package static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}

/// A fast, dependency-free fingerprint of bytes (FNV-1a, 64 bit): document content hashes,
/// record fingerprints in the database and shard assignment all use this one function.
package enum ContentHash {
    package static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        // Contiguous bytes (arrays, Data) without a per-byte iterator call.
        if let hash = bytes.withContiguousStorageIfAvailable({ buffer -> UInt64 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in buffer { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return hash
        }) {
            return hash
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `fnv1a64` as 16 lower-case hex digits.
    package static func fnv1a64Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(fnv1a64(bytes))
    }

    /// A hash as 16 lower-case hex digits, zero-padded (how content hashes are written).
    package static func hex(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
