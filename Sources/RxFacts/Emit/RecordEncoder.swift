/// Stage 8: writes a record as one line of JSON with a fixed key order (the order of the
/// record contract), so identical input gives byte-identical output. Optional keys that
/// are absent are omitted; dictionaries are written with sorted keys.
public struct RecordEncoder: Sendable {
    public init() {}

    /// The record as UTF-8 JSON followed by `\n`.
    public func encodeLine(_ record: Record) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        encode(record, into: &out)
        out.append(0x0A)
        return out
    }

    public func encode(_ record: Record, into out: inout [UInt8]) {
        let w = JSONWriter(out: out)
        w.object {
            w.key("schema"); w.string(record.schema)
            w.key("document"); document(record.document, w)
            w.key("drugs")
            w.array(record.drugs) { drug in
                w.object {
                    w.key("name"); w.string(drug.name)
                    w.key("brands"); w.array(drug.brands) { w.string($0) }
                    w.key("codes"); w.dictionary(drug.codes)
                    w.key("facts"); w.array(drug.facts) { fact($0, w) }
                }
            }
        }
        out = w.out
    }

    private func document(_ d: DocumentInfo, _ w: JSONWriter) {
        w.object {
            w.key("id"); w.string(d.id)
            w.key("source"); w.string(d.source)
            w.key("format"); w.string(d.format)
            if let v = d.title { w.key("title"); w.string(v) }
            if let v = d.version { w.key("version"); w.string(v) }
            if let v = d.effectiveTime { w.key("effectiveTime"); w.string(v) }
            if let v = d.documentType { w.key("documentType"); w.string(v) }
            if let v = d.sections { w.key("sections"); w.array(v) { w.string($0) } }
            if let v = d.contentHash { w.key("contentHash"); w.string(v) }
        }
    }

    private func fact(_ f: Fact, _ w: JSONWriter) {
        w.object {
            w.key("type"); w.string(f.type.rawValue)
            w.key("value"); w.string(f.value)
            w.key("negated"); w.bool(f.negated)
            w.key("hedged"); w.bool(f.hedged)
            if let code = f.code { w.key("code"); w.string(code) }
            if let q = f.qualifiers {
                w.key("qualifiers")
                w.object {
                    for name in q.keys.sorted() {
                        w.key(name); w.array(q[name]!) { w.string($0) }
                    }
                }
            }
            w.key("evidence")
            w.array(f.evidence) { e in
                w.object {
                    w.key("section"); w.string(e.section)
                    w.key("start"); w.int(e.start)
                    w.key("end"); w.int(e.end)
                    w.key("text"); w.string(e.text)
                    if let path = e.path { w.key("path"); w.string(path) }
                }
            }
            w.key("rule"); w.string(f.rule)
            w.key("source"); w.string(f.source)
        }
    }
}

/// A minimal streaming JSON writer over bytes (a class so nested closures can share it).
final class JSONWriter {
    var out: [UInt8]
    private var needsComma = false

    init(out: [UInt8]) { self.out = out }

    func object(_ body: () -> Void) {
        out.append(UInt8(ascii: "{"))
        needsComma = false
        body()
        out.append(UInt8(ascii: "}"))
        needsComma = true
    }

    func array<T>(_ items: [T], _ element: (T) -> Void) {
        out.append(UInt8(ascii: "["))
        needsComma = false
        for item in items {
            if needsComma { out.append(UInt8(ascii: ",")) }
            needsComma = false
            element(item)
            needsComma = true
        }
        out.append(UInt8(ascii: "]"))
        needsComma = true
    }

    func dictionary(_ values: [String: String]) {
        object {
            for key in values.keys.sorted() {
                self.key(key)
                string(values[key]!)
            }
        }
    }

    func key(_ name: String) {
        if needsComma { out.append(UInt8(ascii: ",")) }
        raw(name)
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    func string(_ value: String) {
        if needsComma { out.append(UInt8(ascii: ",")) }
        raw(value)
        needsComma = true
    }

    func bool(_ value: Bool) {
        if needsComma { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        needsComma = true
    }

    func int(_ value: Int) {
        if needsComma { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    private func raw(_ value: String) {
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
