import RxFacts
import RxFactsDiff
/// A document of a public gold set, converted to UTF-8 text with byte-offset annotations.
package struct GoldDocument: Sendable, Hashable {
    /// A gold annotation. `range` is nil when the gold gives no usable offset.
    package struct Annotation: Sendable, Hashable {
        package var type: FactType
        package var range: Range<Int>?
        /// The annotated text as the gold gives it.
        package var text: String
        /// Concept identifier: MedDRA PT name (SPL-ADR), UMLS CUI (LabeledIn), entity type (DDI).
        package var concept: String?

        package init(type: FactType, range: Range<Int>?, text: String, concept: String? = nil) {
            self.type = type
            self.range = range
            self.text = text
            self.concept = concept
        }
    }

    /// An annotated relation between two annotations (indices into `annotations`).
    package struct Pair: Sendable, Hashable {
        package var first: Int
        package var second: Int
        package var kind: String
    }

    /// Unique within the gold set.
    package var id: String
    /// Documents of one drug label share a group (concept-level scores are per group).
    package var group: String
    /// What the extractor is told the document is about.
    package var title: String
    package var text: [UInt8]
    package var annotations: [Annotation]
    package var pairs: [Pair]
    /// The label section the text is, in SPL's canonical (LOINC) naming, when the gold set says
    /// it (`adverse reactions`, `warnings and precautions`, `boxed warning`, `indications and usage`).
    package var section: String?
    /// Byte ranges of sentences, when the gold is sentence-based.
    package var sentences: [Range<Int>]
    /// Problems in the gold file that conversion worked around (printed by `eval`).
    package var notes: [String] = []

    package init(
        id: String, group: String, title: String, text: [UInt8], annotations: [Annotation],
        pairs: [Pair] = [], sentences: [Range<Int>] = [], section: String? = nil
    ) {
        self.id = id
        self.group = group
        self.title = title
        self.text = text
        self.annotations = annotations
        self.pairs = pairs
        self.sentences = sentences
        self.section = section
    }
}

/// Gold offsets count Unicode code points (Python string indices); rxfacts counts UTF-8 bytes.
struct ScalarOffsets {
    private var byteOffsets: [Int]

    init(_ text: String) {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.unicodeScalars.count + 1)
        var byte = 0
        for scalar in text.unicodeScalars {
            offsets.append(byte)
            byte += UTF8.width(scalar)
        }
        offsets.append(byte)
        byteOffsets = offsets
    }

    /// Byte range for code-point range `start..<end`, or nil when out of bounds.
    func bytes(_ start: Int, _ end: Int) -> Range<Int>? {
        guard start >= 0, start <= end, end < byteOffsets.count else { return nil }
        return byteOffsets[start]..<byteOffsets[end]
    }
}
