/// Every node of one document in a few flat arrays, built once by the scanner and never changed.
///
/// An element is an index into `elements` (document order: an element comes before its
/// descendants, which follow it contiguously); its attributes and children are ranges of
/// `attributes` and `children`. A document costs a handful of allocations whatever its size, and
/// freeing it frees those few arrays, not one object per element (SPL labels have thousands).
final class XMLNodeStore: Sendable {
    struct Element: BitwiseCopyable {
        /// Indices into `names`; `namespace` is -1 when no namespace is in scope.
        var name: Int32
        var localName: Int32
        var namespace: Int32
        /// Index past the element's last descendant: its descendants are `index + 1 ..< end`.
        var end: Int32
        var firstAttribute: Int32
        var attributeEnd: Int32
        var firstChild: Int32
        var childEnd: Int32
        /// From the `<` of the start tag to just past the `>` of the end tag.
        var start: Int
        var stop: Int
    }

    let elements: [Element]
    /// Children of all elements, each element's contiguous: an element's index, or `~i` for
    /// text node `i`.
    let children: [Int32]
    let texts: [XText]
    let attributes: [XAttribute]
    /// Element names, local names and namespace URIs, each distinct one once.
    let names: [String]

    init(elements: [Element], children: [Int32], texts: [XText], attributes: [XAttribute], names: [String]) {
        self.elements = elements
        self.children = children
        self.texts = texts
        self.attributes = attributes
        self.names = names
    }
}

/// Interns the names of a document while it is scanned: each distinct byte string becomes one
/// `String`, made the first time it is met (a label repeats a few dozen names thousands of times).
struct XMLNameTable {
    private(set) var names: [String] = []
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    private var slots = [Int32](repeating: -1, count: 64)

    /// The index of the name spelled by `text`.
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            let start = Int(starts[Int(id)])
            let end = Int(starts[Int(id) + 1])
            if end - start == text.count, equal(start, text) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(names.count)
        names.append(String(decoding: text, as: UTF8.self))
        bytes.append(contentsOf: text)
        starts.append(Int32(bytes.count))
        slots[slot] = id
        if names.count * 2 > slots.count { rehash() }
        return id
    }

    /// True when the name stored from `start` has the bytes of `text` (its length is checked).
    private func equal(_ start: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in text.indices where bytes[start + k] != text[k] { return false }
        return true
    }

    /// The index of `name`.
    mutating func intern(_ name: String) -> Int32 {
        var name = name
        return name.withUTF8 { intern($0) }
    }

    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in names.indices {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes[Int(starts[id])..<Int(starts[id + 1])] { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
