/// Stage 8: writes a record as one line of JSON with a fixed key order (the order of the
/// record contract), so identical input gives byte-identical output. Optional keys that
/// are absent are omitted; dictionaries are written with sorted keys.
public struct RecordEncoder: Sendable {
    public init() {}

    /// The record as UTF-8 JSON followed by `\n`.
    public func encodeLine(_ record: Record) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        encode(record, into: &out)
        out.append(0x0A)
        return out
    }

    /// An input error as one JSON line (`--errors FILE`):
    /// `{"path":…,"kind":…,"line":…,"column":…,"reason":…}`, line and column when known.
    public func encodeErrorLine(_ error: InputError) -> [UInt8] {
        var w = JSONWriter(out: [])
        w.beginObject()
        w.key("path")
        w.string(error.path)
        w.key("kind")
        w.string(error.kind.rawValue)
        if let line = error.line {
            w.key("line")
            w.int(line)
        }
        if let column = error.column {
            w.key("column")
            w.int(column)
        }
        w.key("reason")
        w.string(error.reason)
        w.endObject()
        return w.out + [0x0A]
    }

    public func encode(_ record: Record, into out: inout [UInt8]) {
        var w = JSONWriter(out: out)
        out = []
        w.beginObject()
        w.key("schema")
        w.string(record.schema)
        w.key("document")
        document(record.document, &w)
        w.key("drugs")
        w.beginArray()
        for drug in record.drugs {
            w.beginObject()
            w.key("name")
            w.string(drug.name)
            w.key("brands")
            w.strings(drug.brands)
            w.key("codes")
            w.beginObject()
            for (key, code) in drug.codes.sorted(by: { $0.key < $1.key }) {
                w.key(string: key)
                w.string(code)
            }
            w.endObject()
            w.key("facts")
            w.beginArray()
            for f in drug.facts { fact(f, &w) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        if let p = record.provenance {
            w.key("provenance")
            provenance(p, &w)
        }
        w.endObject()
        out = w.out
    }

    private func provenance(_ p: Provenance, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("rxfacts")
        w.string(p.rxfacts)
        w.key("pipeline")
        w.string(p.pipeline)
        if let v = p.fingerprint {
            w.key("fingerprint")
            w.string(v)
        }
        if let v = p.vocabularies {
            w.key("vocabularies")
            w.beginObject()
            for name in v.keys.sorted() {
                w.key(string: name)
                w.string(v[name]!)
            }
            w.endObject()
        }
        w.endObject()
    }

    private func document(_ d: DocumentInfo, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.string(d.id)
        w.key("source")
        w.string(d.source)
        w.key("format")
        w.string(d.format)
        if let v = d.title {
            w.key("title")
            w.string(v)
        }
        if let v = d.version {
            w.key("version")
            w.string(v)
        }
        if let v = d.effectiveTime {
            w.key("effectiveTime")
            w.string(v)
        }
        if let v = d.documentType {
            w.key("documentType")
            w.string(v)
        }
        if let v = d.sections {
            w.key("sections")
            w.strings(v)
        }
        if let v = d.contentHash {
            w.key("contentHash")
            w.string(v)
        }
        w.endObject()
    }

    private func fact(_ f: Fact, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("type")
        w.string(f.type.rawValue)
        w.key("value")
        w.string(f.value)
        w.key("negated")
        w.bool(f.negated)
        w.key("hedged")
        w.bool(f.hedged)
        if let code = f.code {
            w.key("code")
            w.string(code)
        }
        if let q = f.qualifiers {
            w.key("qualifiers")
            w.beginObject()
            for (name, values) in q.sorted(by: { $0.key < $1.key }) {
                w.key(string: name)
                w.strings(values)
            }
            w.endObject()
        }
        w.key("evidence")
        w.beginArray()
        for e in f.evidence {
            w.beginObject()
            w.key("section")
            w.string(e.section)
            w.key("start")
            w.int(e.start)
            w.key("end")
            w.int(e.end)
            if let v = e.charStart {
                w.key("charStart")
                w.int(v)
            }
            if let v = e.charEnd {
                w.key("charEnd")
                w.int(v)
            }
            w.key("text")
            w.string(e.text)
            if let path = e.path {
                w.key("path")
                w.string(path)
            }
            w.endObject()
        }
        w.endArray()
        w.key("rule")
        w.string(f.rule)
        w.key("source")
        w.string(f.source)
        w.endObject()
    }
}

/// A minimal JSON writer appending to a byte array; commas are placed automatically.
struct JSONWriter {
    var out: [UInt8]
    private var needsComma = false
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    init(out: [UInt8]) { self.out = out }

    mutating func beginObject() {
        separate()
        out.append(UInt8(ascii: "{"))
        needsComma = false
    }
    mutating func endObject() {
        out.append(UInt8(ascii: "}"))
        needsComma = true
    }
    mutating func beginArray() {
        separate()
        out.append(UInt8(ascii: "["))
        needsComma = false
    }
    mutating func endArray() {
        out.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A key the encoder names itself: plain ASCII, written as it is, with no scan for escapes.
    mutating func key(_ name: StaticString) {
        separate()
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes in
            assert(!bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            out.append(contentsOf: bytes)
        }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key from the data (a code system, a qualifier's name), escaped as a string is.
    mutating func key(string name: String) {
        separate()
        quoted(name)
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        quoted(value)
        needsComma = true
    }

    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func bool(_ value: Bool) {
        separate()
        out.append(contentsOf: value ? "true".utf8 : "false".utf8)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        separate()
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        // Room for the digits, then filled from the last (divisions by the constant 10).
        var digits = 1
        var bound: UInt = 10
        while v >= bound, digits < 19 {
            digits += 1
            bound &*= 10
        }
        if v >= bound { digits += 1 }
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var i = out.count - 1
        repeat {
            out[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            i -= 1
        } while v > 0
        needsComma = true
    }

    @inline(__always) private mutating func separate() {
        if needsComma { out.append(UInt8(ascii: ",")) }
    }

    /// True when `bytes` hold a control character, '"' or '\\'. Eight bytes at a time: a word
    /// has a byte below 0x20, or equal to a mark, exactly when these borrow tests set its high bit.
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let found =
                    ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                if found & high != 0 { return true }
                i += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return true }
            i += 1
        }
        return false
    }

    private mutating func quoted(_ value: String) {
        out.append(UInt8(ascii: "\""))
        let utf8 = value.utf8
        // Most strings need no escape: scan the contiguous bytes once and copy them whole.
        let plain = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !Self.needsEscape(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            // Written above.
        } else if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: utf8)
        } else {
            for b in utf8 {
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    out.append(contentsOf: [
                        0x5C, UInt8(ascii: "u"), 0x30, 0x30, JSONWriter.hex[Int(b >> 4)], JSONWriter.hex[Int(b & 15)],
                    ])
                default: out.append(b)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
