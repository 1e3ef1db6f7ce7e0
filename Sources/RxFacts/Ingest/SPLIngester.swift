import RxXML

/// Ingests FDA DailyMed Structured Product Labeling (HL7 v3, `urn:hl7-org:v3`), both
/// leaflets (34391-3 Rx, 34390-5 OTC, …) and pharmacologic class-indexing documents (60685-5).
///
/// Text: the document title, then every section (nested, document order) as a heading line
/// followed by its flattened `<text>`; Highlights `excerpt`s are skipped (they repeat the
/// full sections). Section spans cover the section's own text and its subsections.
/// Metadata: products with active ingredients (`ACTIB`/`ACTIM`, and old-format
/// `activeIngredient`) and the DEA schedule policy; for 60685-5, class-index entries and the
/// indexed substance as the one product.
package struct SPLIngester: Ingester {
    package let format = "spl"
    package var limits: XMLLimits

    package static let namespace = "urn:hl7-org:v3"
    package static let classIndexingDocumentType = "60685-5"

    /// DEA schedule codes (NCI thesaurus, code system 2.16.840.1.113883.3.26.1.1).
    package static let deaSchedules: [String: String] = [
        "C48672": "CI", "C48675": "CII", "C48676": "CIII", "C48677": "CIV", "C48679": "CV",
    ]

    package init(limits: XMLLimits = .default) {
        self.limits = limits
    }

    package func accepts(_ input: SourceInput) -> Bool {
        guard let root = XMLReader.sniffRoot(input.bytes) else { return false }
        return root.localName == "document" && root.namespace == Self.namespace
    }

    package func ingest(_ input: SourceInput) throws(InputError) -> IngestedDocument {
        let tree = try XMLInput.read(input, limits: limits)
        let root = tree.root
        guard root.localName == "document", root.namespace == Self.namespace else {
            throw InputError(
                .unsupportedFormat, path: input.path, line: 1, column: 1,
                reason: "not an SPL document: root is <\(root.name)> in namespace \(root.namespace ?? "none")")
        }
        var builder = Builder(tree: tree)
        let documentType = root.child("code")?.attribute("code")?.value
        var title = root.child("title").map { tree.textContent(of: $0) } ?? ""
        if let titleElement = root.child("title"), !title.isEmpty {
            builder.flattener.appendHeading(titleElement)
        }
        if let body = root.element(at: ["component", "structuredBody"]) {
            builder.visitComponents(of: body, path: "/document/component/structuredBody", level: 1, parent: nil)
        }
        title = SPLTitle.title(title, products: builder.products, firstForm: builder.firstForm) ?? ""
        let setId = SourceInput.usableId(root.child("setId")?.attribute("root")?.value)
        let documentId = SourceInput.usableId(root.child("id")?.attribute("root")?.value)
        let info = DocumentInfo(
            id: setId ?? documentId ?? input.documentId,
            source: input.path,
            format: format,
            title: title.isEmpty ? nil : title,
            version: root.child("versionNumber")?.attribute("value")?.value,
            effectiveTime: root.child("effectiveTime")?.attribute("value")?.value,
            documentType: documentType,
            sections: builder.sections.map(\.name),
            contentHash: ContentHash.fnv1a64Hex(input.bytes))
        var document = IngestedDocument(
            info: info, source: input.bytes, text: builder.flattener.text, textMap: builder.flattener.map,
            sections: builder.sections, products: builder.products)
        document.declaredFacts = Self.declaredFacts(classIndex: builder.classIndex, products: builder.products)
        return document
    }

    /// Rule ids of the facts an SPL states in its structure (reported in each fact's `rule`).
    package static let scheduleRule = "spl.dea-schedule"
    package static let classIndexRule = "spl.class-index"
    /// The `source` of facts read from SPL structure.
    package static let metadataSource = "spl-metadata"

    /// The facts an SPL's structure states: the EPC class and mechanism of action of a
    /// class-indexing document (with their NUI codes) and each product's DEA schedule.
    static func declaredFacts(classIndex: [ClassIndexEntry], products: [Product]) -> [DeclaredFact] {
        var facts: [DeclaredFact] = []
        for entry in classIndex {
            let type: FactType
            switch entry.classType {
            case "EPC": type = .drugClass
            case "MoA": type = .mechanism
            default: continue
            }
            facts.append(
                DeclaredFact(
                    type: type, value: entry.className.lowercased(), code: "nui:" + entry.nui,
                    provenance: entry.provenance,
                    rule: classIndexRule, source: metadataSource))
        }
        for product in products {
            guard let schedule = product.schedule else { continue }
            facts.append(
                DeclaredFact(
                    type: .schedule, value: schedule.value, provenance: schedule, rule: scheduleRule,
                    source: metadataSource))
        }
        return facts
    }

    /// Walks sections, collecting text, spans, products and class-index entries.
    private struct Builder {
        let tree: XMLTree
        var flattener: XMLTextFlattener
        var sections: [SectionSpan] = []
        var products: [Product] = []
        var classIndex: [ClassIndexEntry] = []
        var firstForm: String?

        init(tree: XMLTree) {
            self.tree = tree
            self.flattener = XMLTextFlattener(bytes: tree.bytes)
        }

        mutating func visitComponents(of element: XElement, path: String, level: Int, parent: String?) {
            let components = element.children(named: "component")
            for (index, component) in components.enumerated() {
                guard let section = component.child("section") else { continue }
                let sectionPath = path + XMLInput.step("component", index: index, count: components.count) + "/section"
                visitSection(section, path: sectionPath, level: level, parent: parent)
            }
        }

        mutating func visitSection(_ section: XElement, path: String, level: Int, parent: String?) {
            let codeElement = section.child("code")
            let titleElement = section.child("title")
            let heading = titleElement.map { tree.textContent(of: $0) } ?? ""
            let name = SPLSectionNames.name(
                code: codeElement?.attribute("code")?.value, heading: heading,
                displayName: codeElement?.attribute("displayName")?.value, parent: parent)
            let start = flattener.beginSection(
                heading: titleElement, isEmpty: heading.isEmpty, at: section.range.lowerBound)
            let spanIndex = sections.count
            sections.append(
                SectionSpan(name: name, code: codeElement?.attribute("code")?.value, level: level, range: start..<start)
            )
            if let text = section.child("text") { flattener.appendContent(of: text) }
            let subjects = section.children(named: "subject")
            for (index, subject) in subjects.enumerated() {
                let subjectPath = path + XMLInput.step("subject", index: index, count: subjects.count)
                if let product = subject.child("manufacturedProduct") {
                    addProduct(product, path: subjectPath + "/manufacturedProduct")
                }
                if let substance = subject.child("identifiedSubstance") {
                    addClassIndex(substance, path: subjectPath + "/identifiedSubstance")
                }
            }
            visitComponents(of: section, path: path, level: level + 1, parent: name)
            sections[spanIndex].range = start..<max(start, flattener.text.count)
            flattener.requestBreak(2, at: section.range.upperBound)
        }

        mutating func addProduct(_ outer: XElement, path: String) {
            guard let inner = outer.child("manufacturedProduct") ?? outer.child("manufacturedMedicine") else { return }
            let name = inner.child("name").map { productName($0) }
            if firstForm == nil, let form = inner.child("formCode")?.attribute("displayName")?.value, !form.isEmpty {
                firstForm = form.lowercased()
            }
            var ingredients: [Ingredient] = []
            var schedule: MetadataValue?
            XMLInput.forEachDescendant(of: outer, path: path) { element, elementPath in
                switch element.localName {
                case "ingredient":
                    let classCode = element.attribute("classCode")?.value
                    guard classCode == "ACTIB" || classCode == "ACTIM",
                        let substance = element.child("ingredientSubstance")
                    else { return }
                    addIngredient(substance, path: elementPath() + "/ingredientSubstance", to: &ingredients)
                case "activeIngredient":
                    guard let substance = element.child("activeIngredientSubstance") else { return }
                    addIngredient(substance, path: elementPath() + "/activeIngredientSubstance", to: &ingredients)
                case "policy":
                    guard schedule == nil, element.attribute("classCode")?.value == "DEADrugSchedule",
                        let code = element.child("code"), let codeAttribute = code.attribute("code")
                    else { return }
                    let value =
                        SPLIngester.deaSchedules[codeAttribute.value]
                        ?? code.attribute("displayName")?.value ?? codeAttribute.value
                    schedule = MetadataValue(
                        value: value, path: elementPath() + "/code/@code", range: codeAttribute.valueRange)
                default:
                    return
                }
            }
            let product = Product(
                name: name.flatMap { $0.isEmpty ? nil : $0 }, ingredients: ingredients, schedule: schedule)
            let isDuplicate = products.contains { existing in
                existing.name == product.name && existing.schedule?.value == product.schedule?.value
                    && existing.ingredients.map { [$0.name, $0.unii ?? ""] }
                        == product.ingredients.map { [$0.name, $0.unii ?? ""] }
            }
            if !isDuplicate { products.append(product) }
        }

        /// `<name>TRIAMINIC<suffix>Childrens …</suffix></name>` → `TRIAMINIC Childrens …`.
        func productName(_ element: XElement) -> String {
            var parts: [String] = []
            parts.append(tree.textContent(of: element, leavingOut: { $0.localName == "suffix" }))
            for suffix in element.children(named: "suffix") { parts.append(tree.textContent(of: suffix)) }
            return parts.filter { !$0.isEmpty }.joined(separator: " ")
        }

        func addIngredient(_ substance: XElement, path: String, to ingredients: inout [Ingredient]) {
            guard let nameElement = substance.child("name") else { return }
            let name = tree.textContent(of: nameElement)
            guard !name.isEmpty else { return }
            let unii = substance.child("code")?.attribute("code")?.value
            if ingredients.contains(where: { $0.name == name && $0.unii == unii }) { return }
            let provenance = MetadataValue(
                value: name, path: path + "/name", range: XMLInput.textRange(of: nameElement, in: tree))
            ingredients.append(Ingredient(name: name, unii: unii, provenance: provenance))
        }

        mutating func addClassIndex(_ outer: XElement, path: String) {
            guard let inner = outer.child("identifiedSubstance") else { return }
            let innerPath = path + "/identifiedSubstance"
            let substance = inner.child("name").map { tree.textContent(of: $0) } ?? ""
            let unii = inner.child("code")?.attribute("code")?.value
            // The indexed substance is the document's subject: declare it like a product ingredient.
            if !substance.isEmpty, let nameElement = inner.child("name") {
                let provenance = MetadataValue(
                    value: substance, path: innerPath + "/name", range: XMLInput.textRange(of: nameElement, in: tree))
                let product = Product(
                    name: substance, ingredients: [Ingredient(name: substance, unii: unii, provenance: provenance)])
                if !products.contains(product) { products.append(product) }
            }
            let kinds = inner.children(named: "asSpecializedKind")
            for (index, kind) in kinds.enumerated() {
                guard let code = kind.element(at: ["generalizedMaterialKind", "code"]),
                    let nui = code.attribute("code")?.value,
                    let display = code.attribute("displayName")
                else { continue }
                var className = display.value
                var classType = ""
                if let open = className.lastIndex(of: "["), className.hasSuffix("]") {
                    classType = String(
                        className[className.index(after: open)..<className.index(before: className.endIndex)])
                    className = String(className[..<open]).trimmingTrailingSpaces()
                }
                let kindPath =
                    innerPath + XMLInput.step("asSpecializedKind", index: index, count: kinds.count)
                    + "/generalizedMaterialKind/code/@displayName"
                classIndex.append(
                    ClassIndexEntry(
                        substance: substance, unii: unii, className: className, classType: classType, nui: nui,
                        provenance: MetadataValue(value: display.value, path: kindPath, range: display.valueRange)))
            }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
