import Foundation
import RxFacts

/// The document ids a run has given so far, each with the content hash and source of the
/// document that has it: a second, different document under one id is an error naming the
/// source of the first.
///
/// A run remembers every id it gives, so this grows with the corpus; it is kept small so that a
/// run's memory stays nearly flat. Ids and sources are read back only when an id comes again, so
/// they go to a `SpillLog` (an unlinked temporary file; in memory when none can be made), each
/// entry once, as its id's and its source's lengths and bytes. Memory keeps per entry its place
/// in the log, its content hash as a 64-bit number, and a chain link in an index keyed by a hash
/// of the id: ~40 bytes (a dictionary of strings took ~550, the front-coded in-memory log of the
/// fourth pass ~175). Lookups are exact: an entry whose id hash matches has its id read back and
/// compared.
///
/// A reference: one registry per run, used from one thread.
final class GivenIds {
    /// An earlier document under the same id.
    struct Earlier {
        var source: String
        var contentHash: String?
    }

    /// Ids and sources, one entry after another; entry `k` starts at `offsets[k]`.
    private let log: SpillLog
    private var offsets: [UInt64] = []
    /// Per entry: its content hash as a number when it is 16 lower-case hex digits (rxfacts'
    /// FNV-1a), else its index in `otherHashes`; `hashKinds` tells which (or that it has none).
    private var hashValues: [UInt64] = []
    private var hashKinds: [HashKind] = []
    private var otherHashes: [String] = []
    /// Sources given again for the same document (rare): they replace the logged one.
    private var renamed: [Int32: String] = [:]
    /// Entries by the hash of their id; ids with the same hash are chained through `next`.
    private var index: [UInt64: Int32] = [:]
    private var next: [Int32] = []

    private enum HashKind: UInt8 { case none, hex, other }

    /// A registry whose ids and sources spill to `spillDirectory` (default: the temporary
    /// directory; nil: kept in memory).
    init(spillDirectory: String? = FileManager.default.temporaryDirectory.path) {
        log = SpillLog(directory: spillDirectory)
    }

    var count: Int { offsets.count }

    /// Whether ids and sources go to a file (false: in memory).
    var isSpilling: Bool { log.isSpilling }

    /// Records that `id` is given to a document from `source` with `contentHash`. Returns the
    /// earlier document when the id is already given to a different one (a different hash, or
    /// none to compare), and records nothing then. The same document again is accepted, and
    /// its source becomes the one named from then on.
    func give(_ id: String, source: String, contentHash: String?) -> Earlier? {
        let key = ContentHash.fnv1a64(id.utf8)
        var entry = index[key] ?? -1
        while entry >= 0, self.id(Int(entry))?.elementsEqual(id.utf8) != true { entry = next[Int(entry)] }
        if entry >= 0 {
            let k = Int(entry)
            let earlier = Earlier(source: self.source(k), contentHash: hash(k))
            if contentHash == nil || earlier.contentHash != contentHash { return earlier }
            // The same document: name this source from now on, as the last given.
            renamed[entry] = source
            return nil
        }
        var record: [UInt8] = []
        Self.appendField(Array(id.utf8), to: &record)
        Self.appendField(Array(source.utf8), to: &record)
        offsets.append(log.append(record))
        switch contentHash.flatMap(Self.hexValue) {
        case let value?:
            hashValues.append(value)
            hashKinds.append(.hex)
        case nil where contentHash != nil:
            hashValues.append(UInt64(otherHashes.count))
            hashKinds.append(.other)
            otherHashes.append(contentHash!)
        case nil:
            hashValues.append(0)
            hashKinds.append(.none)
        }
        next.append(index[key] ?? -1)
        index[key] = Int32(count - 1)
        return nil
    }

    /// A field of a log record: its length (4 bytes, little-endian), then its bytes.
    private static func appendField(_ bytes: [UInt8], to record: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { record.append(contentsOf: $0) }
        record.append(contentsOf: bytes)
    }

    /// The log field at `offset` (its length, then its bytes); nil when it cannot be read back.
    private func field(at offset: UInt64) -> [UInt8]? {
        guard let length = log.read(offset, 4) else { return nil }
        let n = Int(length[0]) | Int(length[1]) << 8 | Int(length[2]) << 16 | Int(length[3]) << 24
        return log.read(offset + 4, n)
    }

    /// Entry `k`'s id bytes, read back from the log; nil when they cannot be.
    private func id(_ k: Int) -> [UInt8]? { field(at: offsets[k]) }

    /// The source of entry `k` (after its id in the log).
    private func source(_ k: Int) -> String {
        if let source = renamed[Int32(k)] { return source }
        guard let id = id(k), let source = field(at: offsets[k] + 4 + UInt64(id.count)) else {
            return "(source not readable back)"
        }
        return String(decoding: source, as: UTF8.self)
    }

    private func hash(_ k: Int) -> String? {
        switch hashKinds[k] {
        case .none: nil
        case .other: otherHashes[Int(hashValues[k])]
        case .hex: ContentHash.hex(hashValues[k])
        }
    }

    /// 16 lower-case hex digits as their value; nil for anything else (kept as a string).
    private static func hexValue(_ text: String) -> UInt64? {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ $0 &- 0x30 < 10 || $0 &- 0x61 < 6 }) else { return nil }
        return UInt64(text, radix: 16)
    }
}
