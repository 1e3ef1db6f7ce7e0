/// What loading one record did to the database.
public struct LoadOutcome: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable {
        /// A document version the database did not hold.
        case inserted
        /// The same document version with different content: its rows were replaced.
        case replaced
        /// The same document version with the same content: nothing was written.
        case unchanged
    }

    public var action: Action
    /// False when the database already holds a newer version of the document (kept as history).
    public var isCurrent: Bool
    /// Older versions this load marked as superseded.
    public var superseded: Int
    /// Rows written (0 when unchanged).
    public var drugs: Int
    public var facts: Int
    public var evidence: Int
}
