/// A layer of mentions (terms or cues) read sentence by sentence, as slices of the layer.
///
/// The tag stage writes each layer in sentence order, so a sentence's mentions are one run of
/// it: reading them copies nothing. A layer out of that order (a stage of one's own may have
/// appended to it) is first put in order, stably.
struct MentionsBySentence {
    private let mentions: [Mention]
    /// `starts[s]..<starts[s + 1]` are the mentions of sentence `s`.
    private let starts: [Int]

    init(_ layer: [Mention], sentences: Int) {
        let ordered = zip(layer, layer.dropFirst()).allSatisfy { $0.sentence <= $1.sentence }
        mentions =
            ordered
            ? layer
            : layer.enumerated().sorted { ($0.element.sentence, $0.offset) < ($1.element.sentence, $1.offset) }.map(
                \.element)
        var starts = Array(repeating: 0, count: sentences + 1)
        var next = 0
        for s in 0...sentences {
            while next < mentions.count, mentions[next].sentence < s { next += 1 }
            starts[s] = next
        }
        self.starts = starts
    }

    /// The mentions of sentence `s`, in text order.
    subscript(s: Int) -> ArraySlice<Mention> {
        mentions[starts[s]..<starts[s + 1]]
    }
}
