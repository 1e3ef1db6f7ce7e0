import RxFacts
/// Reads `drugcentral_2016_olegursu/pharm_class.tsv`: FDA class rows become substance → class
/// links; MeSH pharmacological-action rows become `PA` classes (with their MeSH IDs) and links.
/// ChEBI roles are not used.
package struct DrugCentralPharmClassReader: Sendable {
    package static let relativePath = "drugcentral_2016_olegursu/pharm_class.tsv"

    package init() {}

    package func read(
        vocab: String, report: inout LexiconBuildReport
    ) throws(LexiconBuildError) -> (links: [SubstanceClassLink], meshClasses: [PharmClass]) {
        let table = try DelimitedTable.read(path: vocab + "/" + Self.relativePath, dialect: .tsv)
        report.noteMalformed(table)
        let drug = try table.column("DRUG_NAME")
        let type = try table.column("TYPE")
        let id = try table.column("CLASS_SOURCE_ID")
        let name = try table.column("CLASS")
        let source = try table.column("SOURCE")
        var links: [SubstanceClassLink] = []
        var mesh: [String: PharmClass] = [:]
        for row in table.rows {
            switch row[source] {
            case "FDA":
                guard let short = PharmClassTypes.shortName(row[type]) else {
                    report.skip(table.path, row.line, "unknown FDA class type \"\(row[type])\"")
                    continue
                }
                links.append(SubstanceClassLink(substance: row[drug], type: short, className: row[name]))
            case "MeSH":
                mesh[row[id]] = PharmClass(type: "PA", code: row[id], name: row[name])
                links.append(SubstanceClassLink(substance: row[drug], type: "PA", className: row[name]))
            default:
                continue
            }
        }
        return (links, mesh.keys.sorted().compactMap { mesh[$0] })
    }
}
