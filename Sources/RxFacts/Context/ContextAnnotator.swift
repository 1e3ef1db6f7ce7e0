/// Stage `context`: decides which words of each sentence are negated, hedged, conditional or name
/// a condition the patient already has (ConText: a trigger opens a scope forward or backward that
/// runs to the sentence end, a terminator, or the trigger's window).
///
/// Who a sentence is about is the `subject` stage's job, not this one's.
package struct ContextAnnotator: Sendable {
    package let rules: ContextRuleSet

    package init(rules: ContextRuleSet) {
        self.rules = rules
    }

    package func process(_ doc: inout AnalyzedDocument) {
        doc.scopes = Array(repeating: SentenceScopes(), count: doc.sentences.count)
        var bySentence: [[Mention]] = Array(repeating: [], count: doc.sentences.count)
        for trigger in doc.triggers { bySentence[trigger.sentence].append(trigger) }
        for (index, triggers) in bySentence.enumerated() where !triggers.isEmpty {
            annotate(&doc, sentence: index, triggers: triggers)
        }
    }

    private func annotate(_ doc: inout AnalyzedDocument, sentence index: Int, triggers: [Mention]) {
        let sentence = doc.sentences[index]
        let terminators = triggers.filter { $0.entries.contains { rules.triggers[Int($0)].category == .terminate } }
        for trigger in triggers {
            for payload in trigger.entries {
                let info = rules.triggers[Int(payload)]
                switch info.category {
                case .negated, .hedged, .conditional, .existing, .background, .purpose:
                    var scopes: [Range<Int>] = []
                    if info.direction != .backward {
                        let last = min(sentence.tokens.upperBound, trigger.tokens.upperBound + info.window) - 1
                        var end =
                            last >= trigger.tokens.upperBound ? Int(doc.tokens[last].end) : trigger.range.upperBound
                        if let stop = terminators.first(where: { $0.range.lowerBound >= trigger.range.upperBound }) {
                            end = min(end, stop.range.lowerBound)
                        }
                        scopes.append(trigger.range.upperBound..<max(trigger.range.upperBound, end))
                    }
                    if info.direction != .forward {
                        let first = max(sentence.tokens.lowerBound, trigger.tokens.lowerBound - info.window)
                        var start =
                            first < trigger.tokens.lowerBound ? Int(doc.tokens[first].start) : trigger.range.lowerBound
                        if let stop = terminators.last(where: { $0.range.upperBound <= trigger.range.lowerBound }) {
                            start = max(start, stop.range.upperBound)
                        }
                        scopes.append(start..<max(start, trigger.range.lowerBound))
                    }
                    switch info.category {
                    case .negated: doc.scopes[index].negated.append(contentsOf: scopes)
                    case .hedged: doc.scopes[index].hedged.append(contentsOf: scopes)
                    case .existing: doc.scopes[index].existing.append(contentsOf: scopes)
                    case .background:
                        doc.scopes[index].existing.append(contentsOf: scopes)
                        doc.scopes[index].background.append(contentsOf: scopes)
                    case .purpose: doc.scopes[index].purpose.append(contentsOf: scopes)
                    default: doc.scopes[index].conditional.append(contentsOf: scopes)
                    }
                case .pseudo, .terminate:
                    break
                }
            }
        }
    }
}

extension ContextAnnotator: Stage {}
