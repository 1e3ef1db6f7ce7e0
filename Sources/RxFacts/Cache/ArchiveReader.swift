/// Reads what `ArchiveWriter` wrote, from the bytes of a memory-mapped artifact (valid only
/// inside the `withUnsafeBytes` that lends them: `KnowledgeCache.read`). Every read is
/// bounds-checked: a truncated or corrupt archive throws `ArchiveReader.Corrupt` (the cache then
/// compiles afresh), never traps.
struct ArchiveReader {
    /// The archive ends early or holds an impossible count.
    struct Corrupt: Error {}

    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws(Corrupt) -> Int {
        guard bytes.count - offset >= 8 else { throw Corrupt() }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return Int(truncatingIfNeeded: Int64(bitPattern: UInt64(littleEndian: value)))
    }

    /// A count of items of at least `size` bytes each that fits in what is left.
    mutating func count(itemSize size: Int = 1) throws(Corrupt) -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - offset) / max(size, 1) else { throw Corrupt() }
        return n
    }

    mutating func string() throws(Corrupt) -> String {
        let n = try count()
        defer { offset += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
    }

    mutating func strings() throws(Corrupt) -> [String] {
        let n = try count(itemSize: 8)
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }

    /// What `ArchiveWriter.array` wrote.
    mutating func array<T: BitwiseCopyable>(of type: T.Type) throws(Corrupt) -> [T] {
        let n = try count(itemSize: MemoryLayout<T>.stride)
        let size = n * MemoryLayout<T>.stride
        let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)])
        offset += size
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = n
        }
    }
}
