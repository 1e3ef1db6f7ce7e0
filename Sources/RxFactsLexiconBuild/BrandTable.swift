import RxFacts
/// Builds `brand` entries: RxNorm brand names and DEA brand/street names, each resolved to
/// the canonical names of its ingredients (`ingredient=` attribute).
package enum BrandTable {
    package static func build(
        links: [RxNormBrandLink], deaBrands: [(name: String, drug: String)], drugs: DrugTable,
        filter: TermFilter, report: inout LexiconBuildReport
    ) -> [LexiconEntry] {
        var drugNames: Set<String> = []
        for entry in drugs.entries {
            drugNames.insert(TermFilter.matchKey(entry.canonical))
            for variant in entry.variants { drugNames.insert(TermFilter.matchKey(variant)) }
        }
        var byKey: [String: LexiconEntry] = [:]
        var order: [String] = []
        func accept(_ name: String, path: String) -> String? {
            let canonical = name.lowercased().trimmingCharacters(in: .whitespaces)
            if let reason = filter.canonicalRejection(canonical) ?? filter.rejection(canonical) {
                report.skip(path, nil, "brand \"\(canonical)\": \(reason)")
                return nil
            }
            if drugNames.contains(TermFilter.matchKey(canonical)) {
                report.dropVariant("brands: equals a drug name")
                return nil
            }
            return canonical
        }
        let sortedLinks = links.sorted {
            ($0.brand.lowercased(), $0.brandRxcui, $0.ingredient) < (
                $1.brand.lowercased(), $1.brandRxcui, $1.ingredient
            )
        }
        var rejected: Set<String> = []
        for link in sortedLinks {
            let key = TermFilter.matchKey(link.brand)
            if rejected.contains(key) { continue }
            if byKey[key] == nil {
                guard let canonical = accept(link.brand, path: RxNormBrandReader.relativePath) else {
                    rejected.insert(key)
                    continue
                }
                byKey[key] = LexiconEntry(kind: "brand", canonical: canonical)
                order.append(key)
            }
            byKey[key]!.codes.append(LexiconCode("rxcui", link.brandRxcui))
            if let ingredient = drugs.resolve(name: link.ingredient, rxcui: link.ingredientRxcui) {
                if !(byKey[key]!.attributes["ingredient"] ?? []).contains(ingredient) {
                    byKey[key]!.attributes["ingredient", default: []].append(ingredient)
                }
            } else {
                report.skip(
                    RxNormBrandReader.relativePath, nil,
                    "brand \"\(link.brand)\": ingredient \"\(link.ingredient)\" (rxcui \(link.ingredientRxcui)) is not in drugs.tsv"
                )
            }
        }
        for (name, drug) in deaBrands {
            let key = TermFilter.matchKey(name)
            if byKey[key] != nil || rejected.contains(key) { continue }
            guard let canonical = accept(name, path: DEAScheduleReader.relativePath) else {
                rejected.insert(key)
                continue
            }
            byKey[key] = LexiconEntry(
                kind: "brand", canonical: canonical, attributes: ["ingredient": [drug], "source": ["dea"]])
            order.append(key)
        }
        var result: [LexiconEntry] = []
        for key in order {
            guard var entry = byKey[key] else { continue }
            guard var ingredients = entry.attributes["ingredient"], !ingredients.isEmpty else {
                report.skip(RxNormBrandReader.relativePath, nil, "brand \"\(entry.canonical)\": no ingredient resolved")
                continue
            }
            ingredients.sort()
            entry.attributes["ingredient"] = ingredients
            result.append(entry)
        }
        return result
    }
}
