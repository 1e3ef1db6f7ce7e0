/// Maps byte offsets in a derived text back to byte offsets in the text it came from.
///
/// A derived text is built from runs: a *copy* run keeps bytes one for one, a *replace* run
/// stands for a source range of another length (a curly quote folded to `'`, an entity
/// `&amp;` read as `&`, a newline inserted between XML paragraphs). Lookups are a binary
/// search over runs, so the map costs a few words per edit, not per byte.
public struct OffsetMap: Sendable, Hashable {
    // Parallel arrays, one entry per run, sorted by `outStart`.
    private var outStart: [Int] = []
    private var srcStart: [Int] = []
    private var outLength: [Int] = []
    private var srcLength: [Int] = []

    public init() {}

    /// A map where every offset maps to itself (plain text before normalization).
    public static func identity(count: Int) -> OffsetMap {
        var map = OffsetMap()
        map.copy(sourceStart: 0, count: count)
        return map
    }

    /// Total length of the derived text described so far.
    public var outputCount: Int { outStart.last.map { $0 + outLength[outLength.count - 1] } ?? 0 }

    /// Appends a run of `count` bytes copied unchanged from `sourceStart`.
    public mutating func copy(sourceStart: Int, count: Int) {
        guard count > 0 else { return }
        let out = outputCount
        if let last = outStart.indices.last, outLength[last] == srcLength[last],
            srcStart[last] + srcLength[last] == sourceStart
        {
            outLength[last] += count
            srcLength[last] += count
            return
        }
        append(out: out, src: sourceStart, outCount: count, srcCount: count)
    }

    /// Appends `outputCount` derived bytes that stand for `sourceCount` bytes at `sourceStart`.
    public mutating func replace(sourceStart: Int, sourceCount: Int, outputCount count: Int) {
        guard count > 0 || sourceCount > 0 else { return }
        append(out: outputCount, src: sourceStart, outCount: count, srcCount: sourceCount)
    }

    private mutating func append(out: Int, src: Int, outCount: Int, srcCount: Int) {
        outStart.append(out)
        srcStart.append(src)
        outLength.append(outCount)
        srcLength.append(srcCount)
    }

    /// Index of the last run whose start is `<= offset` (or the first run).
    private func run(containing offset: Int) -> Int? {
        guard !outStart.isEmpty else { return nil }
        return max(0, outStart.partitionPoint { $0 > offset } - 1)
    }

    /// Source offset of the byte at derived offset `offset` (use for range starts).
    public func sourceStart(of offset: Int) -> Int {
        guard var index = run(containing: offset) else { return offset }
        // Skip empty derived runs (deleted source bytes) so a start lands on real text.
        while outLength[index] == 0, index + 1 < outStart.count, outStart[index + 1] == offset { index += 1 }
        let delta = offset - outStart[index]
        if outLength[index] == srcLength[index] { return srcStart[index] + delta }
        return delta >= outLength[index] ? srcStart[index] + srcLength[index] : srcStart[index]
    }

    /// Source offset just past the byte before derived offset `offset` (use for range ends).
    public func sourceEnd(of offset: Int) -> Int {
        guard offset > 0, var index = run(containing: offset - 1) else { return sourceStart(of: offset) }
        while outLength[index] == 0, index > 0 { index -= 1 }
        let delta = offset - outStart[index]
        if outLength[index] == srcLength[index] { return srcStart[index] + delta }
        return srcStart[index] + srcLength[index]
    }

    /// Maps a derived range to the source range it came from.
    public func sourceRange(_ range: Range<Int>) -> Range<Int> {
        let start = sourceStart(of: range.lowerBound)
        let end = max(start, sourceEnd(of: range.upperBound))
        return start..<end
    }

    /// Appends the runs of `outer` (which maps some text C → B) translated through `inner`
    /// (B → A), so the appended part of `self` maps straight to A. Used when a derived text
    /// (an XHTML string decoded from JSON) is itself flattened to text: the runs compose
    /// exactly, without a per-byte walk.
    public mutating func append(_ outer: OffsetMap, through inner: OffsetMap) {
        for k in outer.outStart.indices {
            let outCount = outer.outLength[k]
            let b = outer.srcStart[k]
            let bCount = outer.srcLength[k]
            if outCount != bCount || inner.outStart.isEmpty {
                // A replaced run stands for whatever its B range came from.
                let a =
                    bCount == 0
                    ? inner.sourceStart(of: b)..<inner.sourceStart(of: b) : inner.sourceRange(b..<b + bCount)
                replace(sourceStart: a.lowerBound, sourceCount: a.count, outputCount: outCount)
                continue
            }
            // A copied run: split it at `inner`'s run boundaries.
            var position = b
            let end = b + bCount
            guard var index = inner.run(containing: position) else { continue }
            while position < end {
                let runEnd = index + 1 < inner.outStart.count ? inner.outStart[index + 1] : Int.max
                let pieceEnd = min(end, runEnd)
                let count = pieceEnd - position
                if inner.outLength[index] == inner.srcLength[index] {
                    copy(sourceStart: inner.srcStart[index] + position - inner.outStart[index], count: count)
                } else {
                    replace(sourceStart: inner.srcStart[index], sourceCount: inner.srcLength[index], outputCount: count)
                }
                position = pieceEnd
                index += 1
                if index >= inner.outStart.count, position < end {
                    // Past the end of `inner`: map the rest to its end, empty.
                    let tail = inner.sourceEnd(of: inner.outputCount)
                    replace(sourceStart: tail, sourceCount: 0, outputCount: end - position)
                    break
                }
            }
        }
    }
}
