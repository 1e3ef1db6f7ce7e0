import RxFacts
/// Reads `disease_ontology_2015_dhimmel/term-names.tsv` and `xrefs.tsv`.
///
/// Only `name` and `exact-synonym` rows are used: related and narrow synonyms name other
/// concepts and would make indications wrong.
package struct DiseaseOntologyReader: Sendable {
    package static let namesPath = "disease_ontology_2015_dhimmel/term-names.tsv"
    package static let xrefsPath = "disease_ontology_2015_dhimmel/xrefs.tsv"

    package init() {}

    package func read(vocab: String, report: inout LexiconBuildReport) throws(LexiconBuildError) -> [DiseaseTerm] {
        let names = try DelimitedTable.read(path: vocab + "/" + Self.namesPath, dialect: .tsv)
        report.noteMalformed(names)
        let doid = try names.column("doid")
        let name = try names.column("name")
        let type = try names.column("type")
        var terms: [String: DiseaseTerm] = [:]
        for row in names.rows {
            let id = row[doid]
            switch row[type] {
            case "name":
                terms[id, default: DiseaseTerm(doid: id, name: "", synonyms: [], xrefs: [:])].name = row[name]
            case "exact-synonym":
                terms[id, default: DiseaseTerm(doid: id, name: "", synonyms: [], xrefs: [:])].synonyms.append(row[name])
            default:
                continue
            }
        }
        let xrefs = try DelimitedTable.read(path: vocab + "/" + Self.xrefsPath, dialect: .tsv)
        report.noteMalformed(xrefs)
        let code = try xrefs.column("doid_code")
        let resource = try xrefs.column("resource")
        let rid = try xrefs.column("resource_id")
        for row in xrefs.rows where terms[row[code]] != nil {
            terms[row[code]]!.xrefs[row[resource], default: []].append(row[rid])
        }
        var result: [DiseaseTerm] = []
        for key in terms.keys.sorted() {
            guard let term = terms[key] else { continue }
            if term.name.isEmpty {
                report.skip(names.path, nil, "\(key) has synonyms but no name row")
                continue
            }
            result.append(term)
        }
        return result
    }
}
