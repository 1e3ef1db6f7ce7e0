/// Places evidence marks in a text so that overlapping spans still nest as HTML requires.
///
/// Spans that start together open longest first, so a span inside another nests in it. A span
/// that crosses the end of an enclosing one is closed there and reopened right after as a
/// continuation part (`data-part="2"`…): every span is one mark, or one first mark plus
/// continuation marks, and the concatenated text of its parts is its text. Section headings are
/// placed at the first position at or after their offset where no mark is open.
struct MarkPlan {
    enum Step: Equatable {
        case text(Range<Int>)
        /// Opens part `part` (1 = the span's first mark) of span `span`.
        case open(span: Int, part: Int)
        case close(span: Int)
        case section(Int)
    }

    struct Span {
        var id: Int
        var range: Range<Int>
    }

    private(set) var steps: [Step] = []

    /// - Parameters:
    ///   - spans: non-empty ranges of a text of `length` bytes; ids are the caller's.
    ///   - sections: offsets of section starts, ascending; steps name them by index.
    init(length: Int, spans: [Span], sections: [Int]) {
        let opening = spans.sorted {
            ($0.range.lowerBound, -$0.range.upperBound, $0.id) < ($1.range.lowerBound, -$1.range.upperBound, $1.id)
        }
        var positions = Set<Int>([0, length])
        for span in spans {
            positions.insert(span.range.lowerBound)
            positions.insert(span.range.upperBound)
        }
        for offset in sections { positions.insert(min(max(offset, 0), length)) }
        let ordered = positions.sorted()

        var stack: [(id: Int, end: Int)] = []
        var parts: [Int: Int] = [:]
        var nextOpening = 0
        var nextSection = 0
        for (k, position) in ordered.enumerated() {
            // Close what ends here; marks above a closing one are closed and reopened as parts.
            if let deepest = stack.firstIndex(where: { $0.end <= position }) {
                let above = stack[deepest...]
                for entry in above.reversed() { steps.append(.close(span: entry.id)) }
                let reopen = above.filter { $0.end > position }
                stack.removeSubrange(deepest...)
                for entry in reopen {
                    parts[entry.id, default: 1] += 1
                    steps.append(.open(span: entry.id, part: parts[entry.id]!))
                    stack.append(entry)
                }
            }
            if stack.isEmpty {
                while nextSection < sections.count, sections[nextSection] <= position {
                    steps.append(.section(nextSection))
                    nextSection += 1
                }
            }
            while nextOpening < opening.count, opening[nextOpening].range.lowerBound == position {
                let span = opening[nextOpening]
                parts[span.id] = 1
                steps.append(.open(span: span.id, part: 1))
                stack.append((span.id, span.range.upperBound))
                nextOpening += 1
            }
            if k + 1 < ordered.count, ordered[k + 1] > position {
                steps.append(.text(position..<ordered[k + 1]))
            }
        }
        for entry in stack.reversed() { steps.append(.close(span: entry.id)) }
        while nextSection < sections.count {
            steps.append(.section(nextSection))
            nextSection += 1
        }
    }
}
