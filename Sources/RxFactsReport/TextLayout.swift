import RxFacts

/// The text of a document as the pipeline read it (the ingested text: a text file minus its BOM,
/// an XML or JSON leaflet flattened to its text nodes), where its sections start, and how to find
/// a source byte range in it.
package struct TextLayout: Sendable {
    /// A section start in `text`, named as evidence names it (`adverse reactions > cardiovascular`).
    package struct SectionStart: Sendable, Hashable {
        package var name: String
        package var offset: Int
        /// 1 for top-level sections, 2 for `a > b`, …
        package var level: Int
    }

    package var text: [UInt8]
    package var textMap: OffsetMap
    package var sections: [SectionStart]

    package init(text: [UInt8], textMap: OffsetMap, sections: [SectionStart]) {
        self.text = text
        self.textMap = textMap
        self.sections = sections
    }

    /// The layout of an analyzed document: its ingested text and the segmenter's sections (the
    /// names evidence uses), each starting at its heading when it has one.
    package init(analyzed doc: AnalyzedDocument) {
        var starts: [SectionStart] = []
        for section in doc.sections {
            if starts.last?.name == section.name { continue }
            let normalized = section.heading.isEmpty ? section.body.lowerBound : section.heading.lowerBound
            var offset = min(doc.normalizedMap.sourceStart(of: normalized), doc.ingested.text.count)
            if section.heading.isEmpty, !doc.ingested.sections.isEmpty,
                let line = Self.headingLine(before: offset, in: doc.ingested.text)
            {
                offset = line
            }
            let level = section.name.components(separatedBy: " > ").count
            starts.append(SectionStart(name: section.name, offset: offset, level: level))
        }
        self.init(
            text: doc.ingested.text, textMap: doc.ingested.textMap, sections: starts.sorted { $0.offset < $1.offset })
    }

    /// Start of the heading line an XML flattener wrote before a section's text: a short line
    /// standing alone between blank lines right before `offset`, or nil.
    static func headingLine(before offset: Int, in text: [UInt8]) -> Int? {
        var end = offset
        var newlines = 0
        while end > 0, text[end - 1] == 0x0A {
            end -= 1
            newlines += 1
        }
        guard newlines >= 2, end > 0 else { return nil }
        var start = end
        while start > 0, text[start - 1] != 0x0A {
            start -= 1
            if end - start > 200 { return nil }
        }
        // A heading line stands alone: the document start or a blank line before it.
        guard start == 0 || (start >= 2 && text[start - 2] == 0x0A) else { return nil }
        return start
    }

    /// The range of `text` whose source bytes are exactly `source`, or nil when the source range
    /// is not running text (an attribute value, markup, or bytes the text leaves out).
    ///
    /// The map is monotonic, so the text start is the first offset mapping at or after the
    /// source start, and the text end the last offset mapping at or before the source end.
    package func textRange(ofSource source: Range<Int>) -> Range<Int>? {
        guard !text.isEmpty, !source.isEmpty else { return nil }
        var low = 0
        var high = text.count
        while low < high {
            let mid = (low + high) / 2
            if textMap.sourceStart(of: mid) < source.lowerBound { low = mid + 1 } else { high = mid }
        }
        let start = low
        low = start
        high = text.count
        while low < high {
            let mid = (low + high + 1) / 2
            if textMap.sourceEnd(of: mid) <= source.upperBound { low = mid } else { high = mid - 1 }
        }
        var end = low
        // Text the flattener inserted (a space between table cells) maps to no source bytes:
        // leave it outside the span.
        while end - 1 > start, textMap.sourceRange(start..<(end - 1)) == source { end -= 1 }
        guard start < end, textMap.sourceRange(start..<end) == source else { return nil }
        return start..<end
    }
}
