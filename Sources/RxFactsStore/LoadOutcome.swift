/// What loading one record did to the database.
package struct LoadOutcome: Sendable, Hashable {
    package enum Action: String, Sendable, Hashable {
        /// A document version the database did not hold.
        case inserted
        /// The same document version with different content: its rows were replaced.
        case replaced
        /// The same document version with the same content: nothing was written.
        case unchanged
    }

    package var action: Action
    /// False when the database already holds a newer version of the document (kept as history).
    package var isCurrent: Bool
    /// Older versions this load marked as superseded.
    package var superseded: Int
    /// Rows written (0 when unchanged).
    package var drugs: Int
    package var facts: Int
    package var evidence: Int
}
