/// Stage 1: turns the bytes of one input into an `IngestedDocument`.
///
/// Each input format has one ingester. `FormatDetector` picks one by looking at the
/// content, not only the file extension.
public protocol Ingester: Sendable {
    /// The `document.format` value this ingester produces, e.g. `text` or `spl`.
    var format: String { get }
    /// True when `input` looks like this ingester's format (cheap content sniffing).
    func accepts(_ input: SourceInput) -> Bool
    /// Reads `input`; throws `InputError` naming path, line and column on bad input.
    func ingest(_ input: SourceInput) throws(InputError) -> IngestedDocument
}
