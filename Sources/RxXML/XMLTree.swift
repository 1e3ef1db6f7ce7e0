/// A parsed, validated XML document: the root element plus the bytes it was read from.
///
/// Built by `XMLReader`; every range in it is a byte range of `bytes`, so offsets found in
/// the tree are offsets into the original file.
public struct XMLTree: Sendable {
    public let bytes: [UInt8]
    public let root: XElement

    public init(bytes: [UInt8], root: XElement) {
        self.bytes = bytes
        self.root = root
    }

    /// The decoded text of one text node, as UTF-8 bytes.
    public func decodedBytes(of text: XText) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.range.count)
        text.forEachRun(
            copy: { out.append(contentsOf: bytes[$0]) },
            replace: { out.append(contentsOf: Array(String($0.scalar).utf8)) })
        return out
    }

    /// All character data inside `element`, concatenated, decoded, with runs of XML
    /// whitespace collapsed to one space and trimmed; `<br/>` reads as a space. Child elements
    /// of `element` for which `leavingOut` is true are left out with their content.
    public func textContent(of element: XElement, leavingOut: (XElement) -> Bool = { _ in false }) -> String {
        var raw: [UInt8] = []
        if element.localName == "br" { raw.append(0x20) }
        var stack: [XNode] = element.children.reversed().filter {
            if case .element(let child) = $0 { !leavingOut(child) } else { true }
        }
        while let node = stack.popLast() {
            switch node {
            case .text(let text): raw.append(contentsOf: decodedBytes(of: text))
            case .element(let e):
                if e.localName == "br" { raw.append(0x20) }
                stack.append(contentsOf: e.children.reversed())
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var pendingSpace = false
        for b in raw {
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
