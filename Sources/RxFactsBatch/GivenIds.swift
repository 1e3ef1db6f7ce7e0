import RxFacts

/// The document ids a run has given so far, each with the content hash and source of the
/// document that has it: a second, different document under one id is an error naming the
/// source of the first.
///
/// A run remembers every id it gives, so this grows with the corpus; it is kept compact so that
/// a run's memory stays nearly flat (a dictionary of strings took ~550 bytes per document, 27 MB
/// for 50,000 DailyMed labels). Ids are kept one after the other in one byte array, content
/// hashes as 64-bit numbers, and sources front-coded: each stores only what differs from the one
/// before (labels in one zip share most of their path), with a full source every 16 entries.
/// Lookups are exact: the index is keyed by a hash of the id, and the id's bytes are compared.
struct GivenIds {
    /// An earlier document under the same id.
    struct Earlier {
        var source: String
        var contentHash: String?
    }

    /// Id bytes, one id after another; entry `k` ends at `idEnds[k]`.
    private var idBytes: [UInt8] = []
    private var idEnds: [Int] = []
    /// Per entry: its content hash as a number when it is 16 lower-case hex digits (rxfacts'
    /// FNV-1a), else its index in `otherHashes`; `hashKinds` tells which (or that it has none).
    private var hashValues: [UInt64] = []
    private var hashKinds: [HashKind] = []
    private var otherHashes: [String] = []
    /// Front-coded sources: entry `k` is `sourceLog[sourceStarts[k]...]`: two bytes of prefix
    /// length shared with entry `k - 1` (0 every `restart` entries), then the rest of its bytes.
    private var sourceLog: [UInt8] = []
    private var sourceStarts: [Int] = []
    /// The source of the last entry, for front-coding the next.
    private var lastSource: [UInt8] = []
    /// Sources given again for the same document (rare): they replace the logged one.
    private var renamed: [Int32: String] = [:]
    /// Entries by the hash of their id; ids with the same hash are chained through `next`.
    private var index: [UInt64: Int32] = [:]
    private var next: [Int32] = []

    private enum HashKind: UInt8 { case none, hex, other }
    private static let restart = 16

    var count: Int { idEnds.count }

    /// Records that `id` is given to a document from `source` with `contentHash`. Returns the
    /// earlier document when the id is already given to a different one (a different hash, or
    /// none to compare), and records nothing then. The same document again is accepted, and
    /// its source becomes the one named from then on.
    mutating func give(_ id: String, source: String, contentHash: String?) -> Earlier? {
        let key = ContentHash.fnv1a64(id.utf8)
        var entry = index[key] ?? -1
        while entry >= 0, !idBytes[idRange(Int(entry))].elementsEqual(id.utf8) { entry = next[Int(entry)] }
        if entry >= 0 {
            let k = Int(entry)
            let earlier = Earlier(source: self.source(k), contentHash: hash(k))
            if contentHash == nil || earlier.contentHash != contentHash { return earlier }
            // The same document: name this source from now on, as the last given.
            renamed[entry] = source
            return nil
        }
        idBytes += id.utf8
        idEnds.append(idBytes.count)
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
        appendSource(source)
        next.append(index[key] ?? -1)
        index[key] = Int32(count - 1)
        return nil
    }

    private func idRange(_ k: Int) -> Range<Int> { (k == 0 ? 0 : idEnds[k - 1])..<idEnds[k] }

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

    /// Appends `source` front-coded against the last one appended (whole at a restart).
    private mutating func appendSource(_ source: String) {
        let bytes = Array(source.utf8)
        var shared = 0
        if sourceStarts.count % Self.restart != 0 {
            let limit = min(bytes.count, lastSource.count, Int(UInt16.max))
            while shared < limit, bytes[shared] == lastSource[shared] { shared += 1 }
        }
        sourceStarts.append(sourceLog.count)
        sourceLog.append(UInt8(shared >> 8))
        sourceLog.append(UInt8(shared & 0xFF))
        sourceLog += bytes[shared...]
        lastSource = bytes
    }

    /// The source of entry `k`, decoded from the restart point before it.
    private func source(_ k: Int) -> String {
        if let source = renamed[Int32(k)] { return source }
        var bytes: [UInt8] = []
        for j in (k - k % Self.restart)...k {
            let start = sourceStarts[j]
            let end = j + 1 < sourceStarts.count ? sourceStarts[j + 1] : sourceLog.count
            let shared = Int(sourceLog[start]) << 8 | Int(sourceLog[start + 1])
            bytes = Array(bytes.prefix(shared)) + sourceLog[(start + 2)..<end]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
