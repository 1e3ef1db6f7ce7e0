import RxFacts
/// `--shard K/N`: which of N disjoint parts of a corpus this run takes (K is 1-based).
///
/// Inputs are assigned by a stable hash of their *path*, not by their position, so adding or
/// removing other files never moves an input to another shard, and every process that is given
/// the same arguments computes the same partition. The key of a plain file is its path as
/// collected; the key of a zip member is `archive.zip!member` at the archive's first level
/// (members of a nested zip go with the nested zip, so one shard alone unpacks it).
package struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    /// 1-based index of this shard.
    package let index: Int
    /// Number of shards.
    package let count: Int

    package init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    package init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    /// The whole corpus.
    package static let all = ShardSpec(index: 1, count: 1)!

    package var description: String { "\(index)/\(count)" }

    /// Whether the input with this key belongs to this shard.
    package func contains(_ key: String) -> Bool {
        count == 1 || Int(ShardSpec.stableHash(key) % UInt64(count)) == index - 1
    }

    /// FNV-1a 64 of the UTF-8 bytes, then the SplitMix64 finalizer so that the low bits used by
    /// the modulo are well mixed. Fixed forever: changing it reshuffles every sharded corpus.
    package static func stableHash(_ key: String) -> UInt64 {
        var hash = ContentHash.fnv1a64(key.utf8)
        hash ^= hash >> 30
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 27
        hash &*= 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        return hash
    }
}
