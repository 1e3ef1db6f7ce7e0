/// What a mention stands for: lexicon entry indices for a term, rule payloads for a cue, a
/// trigger or a list word. Most phrases stand for one thing, kept inline (no array to allocate,
/// retain or release per mention); several are an array shared with the automaton.
public struct EntryList: RandomAccessCollection, RangeReplaceableCollection, Hashable, Sendable,
    ExpressibleByArrayLiteral
{
    private enum Storage: Hashable, Sendable {
        case one(Int32)
        case many([Int32])
    }

    private var storage: Storage

    public init() { storage = .many([]) }

    public init(_ entries: [Int32]) {
        storage = entries.count == 1 ? .one(entries[0]) : .many(entries)
    }

    public init<S: Sequence>(_ entries: S) where S.Element == Int32 { self.init(Array(entries)) }

    public init(arrayLiteral entries: Int32...) { self.init(entries) }

    /// One entry, inline.
    public init(one entry: Int32) { storage = .one(entry) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .one: 1
        case .many(let entries): entries.count
        }
    }

    public subscript(position: Int) -> Int32 {
        switch storage {
        case .one(let entry):
            precondition(position == 0, "index out of range")
            return entry
        case .many(let entries): return entries[position]
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == Int32 {
        var entries = Array(self)
        entries.replaceSubrange(subrange, with: newElements)
        self = EntryList(entries)
    }

    /// Equal when the entries are, however kept.
    public static func == (a: EntryList, b: EntryList) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for entry in self { hasher.combine(entry) }
    }
}
