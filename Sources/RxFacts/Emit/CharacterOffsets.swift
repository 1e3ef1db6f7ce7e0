/// Adds code-point offsets (`charStart`/`charEnd`) beside the byte offsets of every evidence.
///
/// Byte offsets index the source file's bytes; languages whose strings index Unicode code points
/// (Python's `str`, Swift's `unicodeScalars`) need the code-point position instead, or every
/// span after the first non-ASCII character is off. Sources are UTF-8 (ingest refuses other
/// encodings), so a byte offset's code-point offset is the number of bytes before it that start
/// a UTF-8 sequence (not `10xxxxxx`). A BOM counts as one code point, as Python's `utf-8` codec
/// keeps it.
package enum CharacterOffsets {
    /// `record` with `charStart`/`charEnd` set on every evidence, computed against `source`.
    package static func adding(to record: Record, source: [UInt8]) -> Record {
        var offsets: [Int] = []
        for drug in record.drugs {
            for fact in drug.facts {
                for evidence in fact.evidence {
                    offsets.append(evidence.start)
                    offsets.append(evidence.end)
                }
            }
        }
        guard !offsets.isEmpty else { return record }
        let table = codePointOffsets(of: offsets, in: source)
        var result = record
        for d in result.drugs.indices {
            for f in result.drugs[d].facts.indices {
                for e in result.drugs[d].facts[f].evidence.indices {
                    let evidence = result.drugs[d].facts[f].evidence[e]
                    result.drugs[d].facts[f].evidence[e].charStart = table[evidence.start]
                    result.drugs[d].facts[f].evidence[e].charEnd = table[evidence.end]
                }
            }
        }
        return result
    }

    /// Code-point offset of each byte offset (clamped to the source), in one pass over the
    /// bytes up to the largest offset.
    package static func codePointOffsets(of byteOffsets: [Int], in source: [UInt8]) -> [Int: Int] {
        let sorted = Set(byteOffsets).sorted()
        var result: [Int: Int] = [:]
        result.reserveCapacity(sorted.count)
        var position = 0
        var count = 0
        source.withUnsafeBufferPointer { bytes in
            for offset in sorted {
                let target = min(max(offset, 0), bytes.count)
                // Eight bytes at a time: the bytes that do not start a sequence are those whose
                // top bits are 10.
                while position + 8 <= target, let base = bytes.baseAddress {
                    let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                    let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                    count += 8 - continuation.nonzeroBitCount
                    position += 8
                }
                while position < target {
                    if bytes[position] & 0xC0 != 0x80 { count += 1 }
                    position += 1
                }
                result[offset] = count
            }
        }
        return result
    }
}
