/// Context rules (ConText, after Chapman et al.; medspaCy's `ConTextRule`), read from a
/// `rxfacts-context/1` YAML file (`Pipelines/rules/context.yaml`, named by the `context` stage):
/// triggers that negate, hedge or condition what follows or precedes them, and terminators
/// that end a scope.
package struct ContextRulePack: Codable, Sendable {
    package enum Category: String, Codable, Sendable, CaseIterable {
        case negated, hedged, conditional
        /// A condition the patient already has ("patients with", "history of"): rules with
        /// `skip_existing` do not read it as a fact (a pre-existing disease is no adverse effect).
        case existing
        /// A condition that only says who the medicine is for ("at least one additional risk factor,
        /// such as heart failure", "weight-related conditions such as type 2 diabetes"): an existing
        /// condition, and no indication for rules with `skip_background`.
        case background
        /// What another medicine is for ("medicines for depression", "used to treat seizures"):
        /// rules with `skip_purpose` do not read it as a fact (no contraindication "depression" in
        /// "if you are taking medicines for depression").
        case purpose
        /// Looks like a trigger but is not one ("not only", "no longer"); blocks the shorter trigger.
        case pseudo
        /// Ends any open scope ("but", "however", "which").
        case terminate
    }

    package enum Direction: String, Codable, Sendable, CaseIterable {
        case forward, backward, bidirectional
    }

    /// One trigger: a phrase, what it does, which way and how far.
    package struct Trigger: Codable, Sendable {
        package var literal: String
        package var category: Category
        package var direction: Direction?
        /// Scope length in tokens (default: the file's `window`).
        package var window: Int?

        package init(literal: String, category: Category, direction: Direction? = nil, window: Int? = nil) {
            self.literal = literal
            self.category = category
            self.direction = direction
            self.window = window
        }

        static let shape: YAMLShape = .mapping([
            "literal": .scalar, "category": .scalar, "direction": .scalar, "window": .scalar,
        ])
    }

    package var schema: String?
    /// Default scope length in tokens.
    package var window: Int?
    package var triggers: [Trigger]

    package init(schema: String? = nil, window: Int? = nil, triggers: [Trigger]) {
        self.schema = schema
        self.window = window
        self.triggers = triggers
    }

    static let shape: YAMLShape = .mapping(["schema": .scalar, "window": .scalar, "triggers": .list(Trigger.shape)])
}
