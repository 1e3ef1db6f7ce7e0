import RxFacts
/// Removes surface forms that would make a match ambiguous within one lexicon file: a variant
/// that is another entry's canonical name, or a variant two entries of the same kind claim.
package enum VariantResolver {
    package static func resolve(_ entries: inout [LexiconEntry], report: inout LexiconBuildReport, label: String) {
        var canonicalOwner: [String: Set<Int>] = [:]
        var variantOwners: [String: Set<Int>] = [:]
        for (index, entry) in entries.enumerated() {
            canonicalOwner[entry.kind + "\u{0}" + TermFilter.matchKey(entry.canonical), default: []].insert(index)
            for variant in entry.variants {
                variantOwners[entry.kind + "\u{0}" + TermFilter.matchKey(variant), default: []].insert(index)
            }
        }
        for index in entries.indices {
            let kind = entries[index].kind
            let ownKey = TermFilter.matchKey(entries[index].canonical)
            var kept: [String] = []
            // Spelling duplicates are dropped; plural forms are kept (listed for readers and
            // for matchers that do not fold plurals), but never treated as another entry's name.
            var seen: Set<String> = [TermFilter.fold(entries[index].canonical)]
            for variant in entries[index].variants {
                let key = TermFilter.matchKey(variant)
                guard seen.insert(TermFilter.fold(variant)).inserted else { continue }
                if key == ownKey {
                    kept.append(variant)
                    continue
                }
                let full = kind + "\u{0}" + key
                if let owners = canonicalOwner[full], !owners.contains(index) {
                    report.dropVariant("\(label): names another entry")
                    continue
                }
                if let owners = variantOwners[full], owners.count > 1, canonicalOwner[full]?.contains(index) != true {
                    report.dropVariant("\(label): claimed by \(owners.count) entries")
                    continue
                }
                kept.append(variant)
            }
            entries[index].variants = kept
        }
    }
}
