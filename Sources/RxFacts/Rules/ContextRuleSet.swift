/// A context rule pack compiled for matching: every trigger in the trigger layer of the shared
/// automaton (payload: index into `triggers`), with its category, direction and window resolved.
package struct ContextRuleSet: Sendable {
    /// A trigger as the context stage uses it.
    package struct Trigger: Sendable, Hashable {
        package var category: ContextRulePack.Category
        package var direction: ContextRulePack.Direction
        /// Scope length in tokens.
        package var window: Int
        package var literal: String
    }

    package let triggers: [Trigger]

    /// No triggers (a pipeline without a `context` stage).
    init() { triggers = [] }

    init(
        _ pack: ContextRulePack, file: YAMLFile, into phrases: inout PhraseAutomaton, vocabulary: inout Vocabulary
    ) throws(InputError) {
        let window = pack.window ?? 8
        guard window >= 1 else { throw file.error(at: [.key("window")], "window must be at least 1 token") }
        var triggers: [Trigger] = []
        for (index, trigger) in pack.triggers.enumerated() {
            let at: [YAMLFile.PathElement] = [.key("triggers"), .index(index)]
            if let own = trigger.window, own < 1 {
                throw file.error(at: at + [.key("window")], "window must be at least 1 token")
            }
            try addRulePhrase(
                trigger.literal, payload: Int32(triggers.count), layer: PhraseLayer.triggers, file: file,
                at: at + [.key("literal")],
                into: &phrases, vocabulary: &vocabulary)
            triggers.append(
                Trigger(
                    category: trigger.category, direction: trigger.direction ?? .forward,
                    window: trigger.window ?? window,
                    literal: trigger.literal))
        }
        self.triggers = triggers
    }
}
