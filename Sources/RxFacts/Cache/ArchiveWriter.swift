/// Writes the compact binary format of compiled knowledge (`KnowledgeCache`): little-endian
/// 64-bit counts, length-prefixed UTF-8 strings, and arrays of plain values as their raw bytes, so that
/// reading one back is a bounds check and a copy, not a parse.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    /// An array of plain values (integers, or structs of them: no references) as its bytes, in
    /// this machine's order and layout: the archive header records the byte order, and the
    /// artifact key names the executable, so only the build that wrote it reads it back.
    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}
